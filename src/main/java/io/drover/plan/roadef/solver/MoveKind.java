package io.drover.plan.roadef.solver;

/** The kinds of move {@link RoadefNeighbourhood} draws; {@link MoveMix} decides how often each is drawn. */
enum MoveKind {
    /** A random process to the machine where it costs least. */
    CHANGE,
    /** Two random processes exchange machines. */
    SWAP,
    /** A random process exchanges machines with the process of a random machine where that costs least. */
    BEST_SWAP,
    /** A process to a machine with room for it alone, others pushed off that machine until it fits. */
    MAKE_ROOM,
    /** The processes of a costly machine and one or two others, re-packed among them by branch and bound. */
    REPACK
}
