package io.drover.compat;

/** How a guest can move, cheapest first. */
public enum MigrationMode {
    /** Every writable disk is on shared storage: only memory and device state move. */
    LIVE("live"),
    /** Local disks are block-copied in full ({@code --copy-storage-all}). */
    LIVE_BLOCK_ALL("live+copy-storage-all"),
    /**
     * Local qcow2 overlays are copied, their backing files are already at the same path on the destination
     * ({@code --copy-storage-inc}).
     */
    LIVE_BLOCK_INC("live+copy-storage-inc");

    private final String label;

    MigrationMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean copiesStorage() {
        return this != LIVE;
    }
}
