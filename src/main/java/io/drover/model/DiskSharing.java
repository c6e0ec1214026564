package io.drover.model;

/** Whether a disk's data is reachable from other hosts (live migration) or must be copied (block migration). */
public enum DiskSharing {
    /** Not judged yet: the XML alone cannot tell; inventory classifies it against the host's storage. */
    UNCLASSIFIED,
    SHARED,
    LOCAL
}
