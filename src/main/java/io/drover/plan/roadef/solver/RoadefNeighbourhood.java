package io.drover.plan.roadef.solver;

import java.util.Random;

/**
 * Random moves applied straight to a {@link RoadefState} through a {@link MoveJournal}, each only if it keeps every
 * hard constraint and its cost is within the acceptor's limit:
 * <ul>
 * <li>change: a random process to the machine where it costs least (every machine is scored read-only; on the tight
 * a2 instances most random targets break a capacity, so a random target is rarely even feasible);</li>
 * <li>swap: two random processes exchange machines (checked read-only, then applied and scored);</li>
 * <li>make room: a process of a costly machine goes to a machine that could run it within safety capacity, then
 * other processes leave that machine (home first, else to the cheapest of a few random machines that take them)
 * until it keeps its capacities and costs no more than before. A large process reaches a machine full of small ones
 * in one step, which a chain of single moves only finds by luck: each step alone loses score.</li>
 * </ul>
 */
final class RoadefNeighbourhood {

    /** Processes a make-room move may push off the target machine. */
    private static final int MAX_EJECTIONS = 8;
    /** Random machines tried for each pushed-off process. */
    private static final int DESTINATION_TRIES = 16;
    /** Machines a change scores for its process: all on set A (at most 100), not all 5,000 of a large instance. */
    private static final int CHANGE_SCAN = 500;
    /** Random machines looked at to pick the process and the target of a make-room move. */
    private static final int SAMPLES = 8;

    private final RoadefState state;
    private final MoveJournal journal;
    private final double swapShare;
    private final double makeRoomShare;

    RoadefNeighbourhood(RoadefState state, MoveJournal journal, double swapShare, double makeRoomShare) {
        this.state = state;
        this.journal = journal;
        this.swapShare = swapShare;
        this.makeRoomShare = makeRoomShare;
    }

    /**
     * Draws one random move and applies it if it keeps every hard constraint and leads to a cost of at most
     * {@code limit}. Returns whether it did; if not, the state is unchanged.
     */
    boolean tryRandomMove(Random random, long limit) {
        journal.begin();
        double kind = random.nextDouble();
        if (kind < swapShare) {
            return swap(random.nextInt(state.processCount()), random.nextInt(state.processCount()))
                    && keepIfWithin(limit);
        }
        if (kind < swapShare + makeRoomShare) {
            int costly = costlyProcess(random);
            int target = roomyMachine(costly, random);
            return target >= 0 && makeRoom(costly, target, random) && keepIfWithin(limit);
        }
        return bestChange(random.nextInt(state.processCount()), random, limit);
    }

    /** A process on the costliest of a few random machines: where a make-room move can gain most. */
    private int costlyProcess(Random random) {
        int costliest = random.nextInt(state.machineCount());
        for (int i = 1; i < SAMPLES; i++) {
            int m = random.nextInt(state.machineCount());
            if (state.machineCost(m) > state.machineCost(costliest)) {
                costliest = m;
            }
        }
        int count = state.hostedCount(costliest);
        return count == 0 ? random.nextInt(state.processCount())
                : state.hostedProcess(costliest, random.nextInt(count));
    }

    /** A random machine that could run p within its safety capacities if it ran nothing else, or -1. */
    private int roomyMachine(int p, Random random) {
        for (int i = 0; i < SAMPLES; i++) {
            int m = random.nextInt(state.machineCount());
            if (m != state.machineOf(p) && state.fitsSafetyAlone(p, m)) {
                return m;
            }
        }
        return -1;
    }

    /** Keeps the applied move if the cost is within limit, else undoes it. */
    private boolean keepIfWithin(long limit) {
        if (state.softPenalty() <= limit) {
            return true;
        }
        journal.undo();
        return false;
    }

    /**
     * Moves p to the machine that keeps the hard constraints at the lowest cost, if that cost is within limit. It
     * scores, without changing anything, every machine, or on large instances {@link #CHANGE_SCAN} consecutive ones
     * from a random start (ties: the first scanned).
     */
    boolean bestChange(int p, Random random, long limit) {
        int machineCount = state.machineCount();
        int start = random.nextInt(machineCount);
        int bestMachine = -1;
        long bestDelta = Long.MAX_VALUE;
        for (int i = 0; i < Math.min(machineCount, CHANGE_SCAN); i++) {
            int m = start + i < machineCount ? start + i : start + i - machineCount;
            if (state.changeKeepsFeasible(p, m)) {
                long delta = state.arrivalCostDelta(p, m);
                if (delta < bestDelta) {
                    bestDelta = delta;
                    bestMachine = m;
                }
            }
        }
        if (bestMachine < 0 || state.softPenalty() + state.departureCostDelta(p) + bestDelta > limit) {
            return false;
        }
        journal.relocate(p, bestMachine);
        return true;
    }

    boolean swap(int p, int q) {
        if (!state.swapKeepsFeasible(p, q)) {
            return false;
        }
        int mp = state.machineOf(p);
        journal.relocate(p, state.machineOf(q));
        journal.relocate(q, mp);
        return true;
    }

    /**
     * Moves p to m, then pushes other processes off m until m keeps its capacities and costs no more than before p
     * came; undone if that takes too many processes or breaks a hard constraint.
     */
    boolean makeRoom(int p, int m, Random random) {
        if (state.machineOf(p) == m) {
            return false;
        }
        long costBefore = state.machineCost(m);
        journal.relocate(p, m);
        for (int ejected = 0; state.machineExcess(m) > 0 || state.machineCost(m) > costBefore; ejected++) {
            int count = state.hostedCount(m);
            if (ejected == MAX_EJECTIONS || count == 1) {
                journal.undo();
                return false;
            }
            if (!pushOff(largerOfTwo(m, p, random), random)) {
                journal.undo();
                return false;
            }
        }
        if (state.hardPenalty() != 0) {
            journal.undo();
            return false;
        }
        return true;
    }

    /** Of two random processes on m other than p, the one taking more of m: the first to push off. */
    private int largerOfTwo(int m, int p, Random random) {
        int count = state.hostedCount(m);
        int a = state.hostedProcess(m, random.nextInt(count));
        int b = state.hostedProcess(m, random.nextInt(count));
        if (a == p) {
            return b == p ? otherThan(m, p) : b;
        }
        if (b == p) {
            return a;
        }
        return state.sizeOn(a, m) >= state.sizeOn(b, m) ? a : b;
    }

    /** A process on m other than p (m runs at least two). */
    private int otherThan(int m, int p) {
        int first = state.hostedProcess(m, 0);
        return first != p ? first : state.hostedProcess(m, 1);
    }

    /**
     * Moves q to its original machine if that keeps the hard constraints, else to the cheapest of a few random
     * machines that do.
     */
    private boolean pushOff(int q, Random random) {
        int home = state.originalMachineOf(q);
        if (home != state.machineOf(q) && state.changeKeepsFeasible(q, home)) {
            journal.relocate(q, home);
            return true;
        }
        int bestMachine = -1;
        long bestDelta = Long.MAX_VALUE;
        for (int i = 0; i < DESTINATION_TRIES; i++) {
            int d = random.nextInt(state.machineCount());
            if (state.changeKeepsFeasible(q, d)) {
                long delta = state.arrivalCostDelta(q, d);
                if (delta < bestDelta) {
                    bestDelta = delta;
                    bestMachine = d;
                }
            }
        }
        if (bestMachine < 0) {
            return false;
        }
        journal.relocate(q, bestMachine);
        return true;
    }
}
