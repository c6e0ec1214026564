package io.drover.model;

/** How a host's entry in a snapshot came to be. */
public enum HostStatus {
    /** Collected in this run. */
    OK,
    /** Not collected in this run, and no earlier snapshot had it: nothing is known of its guests. */
    FAILED,
    /** Not collected in this run; its facts and guests are copied from the last snapshot that had them. */
    STALE;

    /** Whether the entry has facts and guests at all. */
    public boolean hasData() {
        return this != FAILED;
    }
}
