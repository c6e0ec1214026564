package io.drover.libvirt;

/** The {@code virDomainMigrateFlags} Drover uses. */
public enum MigrationFlag {
    LIVE,
    /** The source libvirtd drives the migration: it finishes even if Drover dies (measured in the lab). */
    PEER_TO_PEER,
    /** Define the domain persistently on the destination. */
    PERSIST_DEST,
    /** Remove the source's definition once the destination runs, so the guest is defined exactly once. */
    UNDEFINE_SOURCE,
    /** Block migration of every non-shared disk, flattened into a full copy. */
    COPY_STORAGE_ALL,
    /** Block migration of the top image only; the backing chain must already be on the destination. */
    COPY_STORAGE_INC,
    AUTO_CONVERGE,
    /** Allow switching to post-copy later with {@link HypervisorConnection#startPostCopy}. */
    POSTCOPY,
    /** Abort rather than pause the guest on an I/O error during the migration. */
    ABORT_ON_ERROR
}
