package io.drover.plan.roadef.solver;

import java.util.Random;
import java.util.function.IntToLongFunction;

/**
 * Random moves applied straight to a {@link RoadefState} through a {@link MoveJournal}, each only if it keeps every
 * hard constraint and its cost is within the acceptor's limit:
 * <ul>
 * <li>change: a random process to the machine where it costs least (every machine is scored read-only; on the tight
 * a2 instances most random targets break a capacity, so a random target is rarely even feasible);</li>
 * <li>swap: two random processes exchange machines (checked and scored read-only before it is made);</li>
 * <li>best swap: a random process exchanges machines with the process of a random machine where that keeps the hard
 * constraints at the lowest cost;</li>
 * <li>make room: a process of a costly machine goes to a machine that could run it within safety capacity, then
 * other processes leave that machine (home first, else to the cheapest of a few random machines that take them)
 * until it keeps its capacities and either costs no more than before or the whole assignment is within the acceptor's
 * limit: a huge process over its own machine's safety capacity (a2_1) gains more than its new machine may lose. A
 * large process reaches a machine full of small ones in one step, which a chain of single moves only finds by luck:
 * each step alone loses score;</li>
 * <li>re-pack: the processes of a costly machine and one or two random others shared out anew among them, the
 * cheapest packing a bounded branch and bound finds ({@link Repacker}).</li>
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
    /** At most this many random machines join the costly one in a re-packing: more would leave the search shallow. */
    private static final int REPACK_PARTNERS = 2;

    private final RoadefState state;
    private final MoveJournal journal;
    private final Repacker repacker;

    RoadefNeighbourhood(RoadefState state, MoveJournal journal) {
        this.state = state;
        this.journal = journal;
        this.repacker = new Repacker(state, journal);
    }

    /**
     * Draws one random move of the given kind and applies it if it keeps every hard constraint and leads to a cost of
     * at most {@code limit}. Returns whether it did; if not, the state is unchanged.
     */
    boolean tryMove(MoveKind kind, Random random, long limit) {
        journal.begin();
        return switch (kind) {
            case CHANGE -> bestChange(randomProcess(random), random, limit);
            case SWAP -> swapWithin(randomProcess(random), randomProcess(random), limit);
            case BEST_SWAP -> bestSwap(randomProcess(random), random.nextInt(state.machineCount()), limit);
            case MAKE_ROOM -> makeRoomForCostlyProcess(random, limit) && keepIfWithin(limit);
            case REPACK -> repacker.repack(costlyAndRandomMachines(random), limit);
        };
    }

    /**
     * The machines of a re-packing: the one with the highest load cost of a few random ones (balance costs can be at
     * their floor while load costs are not, as on a1_4) and one or two other random ones.
     */
    private int[] costlyAndRandomMachines(Random random) {
        int[] machines = new int[Math.min(state.machineCount(), 2 + random.nextInt(REPACK_PARTNERS))];
        machines[0] = costliestOfSample(state::loadCost, random);
        for (int i = 1; i < machines.length; i++) {
            machines[i] = randomMachineOtherThan(machines, i, random);
        }
        return machines;
    }

    /** A random machine not among the first {@code count} of {@code taken}. */
    private int randomMachineOtherThan(int[] taken, int count, Random random) {
        while (true) {
            int m = random.nextInt(state.machineCount());
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                free = taken[i] != m;
            }
            if (free) {
                return m;
            }
        }
    }

    private int randomProcess(Random random) {
        return random.nextInt(state.processCount());
    }

    /** A process of a costly machine to a machine with room for it alone, making room there. */
    private boolean makeRoomForCostlyProcess(Random random, long limit) {
        int costly = costlyProcess(random);
        int target = roomyMachine(costly, random);
        return target >= 0 && makeRoom(costly, target, random, limit);
    }

    /** A process on the costliest of a few random machines: where a make-room move can gain most. */
    private int costlyProcess(Random random) {
        int costliest = costliestOfSample(state::machineCost, random);
        int count = state.hostedCount(costliest);
        return count == 0 ? random.nextInt(state.processCount())
                : state.hostedProcess(costliest, random.nextInt(count));
    }

    /** The costliest of a few random machines by the given cost of a machine. */
    private int costliestOfSample(IntToLongFunction cost, Random random) {
        int costliest = random.nextInt(state.machineCount());
        for (int i = 1; i < SAMPLES; i++) {
            int m = random.nextInt(state.machineCount());
            if (cost.applyAsLong(m) > cost.applyAsLong(costliest)) {
                costliest = m;
            }
        }
        return costliest;
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

    /** Swaps p and q if that keeps the hard constraints and the cost within limit (scored before it is made). */
    boolean swapWithin(int p, int q, long limit) {
        if (!state.swapKeepsFeasible(p, q) || state.softPenalty() + state.swapCostDelta(p, q) > limit) {
            return false;
        }
        swap(p, q);
        return true;
    }

    /**
     * Swaps p with the process of machine m whose swap with it keeps the hard constraints at the lowest cost, if that
     * cost is within limit. On the capacity-bound instances few random swaps are feasible; among the processes of one
     * machine one often is (ties: the first in m's list).
     */
    boolean bestSwap(int p, int m, long limit) {
        if (m == state.machineOf(p)) {
            return false;
        }
        int partner = -1;
        long bestDelta = Long.MAX_VALUE;
        for (int slot = 0; slot < state.hostedCount(m); slot++) {
            int q = state.hostedProcess(m, slot);
            if (state.swapKeepsFeasible(p, q)) {
                long delta = state.swapCostDelta(p, q);
                if (delta < bestDelta) {
                    bestDelta = delta;
                    partner = q;
                }
            }
        }
        if (partner < 0 || state.softPenalty() + bestDelta > limit) {
            return false;
        }
        swap(p, partner);
        return true;
    }

    private void swap(int p, int q) {
        int mp = state.machineOf(p);
        journal.relocate(p, state.machineOf(q));
        journal.relocate(q, mp);
    }

    /**
     * Moves p to m, then pushes other processes off m until m keeps its capacities and costs no more than before p
     * came, or the whole cost is already within {@code limit}; undone if that takes too many processes or breaks a
     * hard constraint. Requiring m's own cost to recover made a2_1 stick at a cost of about a million in five of six
     * runs: its one huge process only fits machines that would need more pushed off than allowed.
     */
    boolean makeRoom(int p, int m, Random random, long limit) {
        if (state.machineOf(p) == m) {
            return false;
        }
        long costBefore = state.machineCost(m);
        journal.relocate(p, m);
        for (int ejected = 0; state.machineExcess(m) > 0
                || state.machineCost(m) > costBefore && !feasibleWithin(limit); ejected++) {
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

    private boolean feasibleWithin(long limit) {
        return state.hardPenalty() == 0 && state.softPenalty() <= limit;
    }

    /**
     * Of two random processes on m other than p, the first to push off: one that came from elsewhere before one whose
     * original machine is m (leaving, that one still holds m's transient resources and adds a process move), else the
     * one taking more of m.
     */
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
        boolean aHome = state.originalMachineOf(a) == m;
        if (aHome != (state.originalMachineOf(b) == m)) {
            return aHome ? b : a;
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
