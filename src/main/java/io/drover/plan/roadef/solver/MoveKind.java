package io.drover.plan.roadef.solver;

/** The kinds of move {@link RoadefNeighbourhood} draws; {@link MoveMix} decides how often each is drawn. */
enum MoveKind {
    /** A random process to the machine where it costs least. */
    CHANGE(true),
    /** Two random processes exchange machines. */
    SWAP(true),
    /** A random process exchanges machines with the process of a random machine where that costs least. */
    BEST_SWAP(true),
    /** A process to a machine with room for it alone, others pushed off that machine until it fits. */
    MAKE_ROOM(true),
    /**
     * The processes of a costly machine and one or two others, re-packed among them by branch and bound. Its share
     * stays fixed: the mix shares out draws, and one of these costs hundreds of changes, so on a2_2, where it paid per
     * nanosecond, the mix raised it to 0.013 of the draws, most of the CPU time, and a2_2 ended at 8-9 % above the
     * best known value instead of 4 %.
     */
    REPACK(false);

    private final boolean adapts;

    MoveKind(boolean adapts) {
        this.adapts = adapts;
    }

    /** Whether {@link MoveMix} adapts this kind's share to what it gains, or keeps its starting share. */
    boolean adapts() {
        return adapts;
    }
}
