package io.drover.model;

/** Something wrong with a host that an operator must see before any migration touches it. */
public enum HostFlag {
    /** libvirt reported an all-zero host UUID: migrations between such hosts are refused as "same host". */
    ALL_ZERO_UUID,
    /** Another host of the fleet has the same host UUID: libvirt refuses migrations between them. */
    DUPLICATE_UUID,
    /** libvirt reported no host UUID at all. */
    NO_UUID,
    /** A guest of this host runs on another host too: the same disks are written twice. */
    GUEST_RUNNING_TWICE
}
