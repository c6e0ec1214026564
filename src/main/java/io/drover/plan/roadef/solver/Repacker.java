package io.drover.plan.roadef.solver;

import java.util.Arrays;

/**
 * Re-packs the processes of a few machines among those same machines by a depth-first branch and bound, and makes the
 * cheapest packing it finds within the acceptor's limit. On a1_4 the fleet has room under the safety capacities in
 * every resource, yet machines stay over them: which processes share a machine is a packing question that single
 * changes and swaps under late acceptance do not settle, because the way there passes through costlier states.
 *
 * <p>The processes are taken off the state and put back one at a time, largest first, each trying the machines in
 * the order of the cost they lead to, so the first complete packing is a greedy best fit and the rest of the search
 * improves on it. A branch is cut when it breaks a capacity, transient or conflict constraint (inserting more cannot
 * repair those) or when its bound is above the best cost found so far. The bound is the cost so far with the
 * machines' balance cost replaced by its floor ({@link RoadefState#balanceFloor}): load, process, service and
 * machine move costs only grow as processes are inserted, balance costs need not. Spread and dependencies can be
 * broken midway and repaired later, so they are checked on complete packings only.
 */
final class Repacker {

    /**
     * Insertions one re-packing may try: about 0.4 ms on a1_4, where a change takes about a microsecond. Many small
     * searches over different machines gained more in the same time than fewer with 10,000 (bench/roadef/README.md).
     */
    static final int NODE_LIMIT = 1000;
    /** The rank of a machine where the process would break a capacity, transient or conflict constraint. */
    private static final long BROKEN = Long.MAX_VALUE;

    private final RoadefState state;
    private final MoveJournal journal;
    private int[] machines;
    /** The processes to place, largest first, and where each was before. */
    private int[] processes;
    private int[] before;
    /** Machine indices in the order each depth tries them, and the bound each led to. */
    private int[][] order;
    private long[][] bounds;
    private int[] branch;
    private int[] best;
    private boolean found;
    /** The cost a complete packing must not exceed: the limit, then just below the best found. */
    private long ceiling;
    private long balanceFloor;
    private int nodes;

    Repacker(RoadefState state, MoveJournal journal) {
        this.state = state;
        this.journal = journal;
    }

    /**
     * Re-packs the processes of these distinct machines among them; if it finds a packing other than the current one
     * that keeps every hard constraint at a cost of at most limit, it makes the cheapest such found through the
     * journal (begun by the caller, and empty) and returns true. Otherwise the state is left as it was.
     */
    boolean repack(int[] machines, long limit) {
        prepare(machines);
        ceiling = limit;
        found = false;
        nodes = 0;
        balanceFloor = state.balanceFloor(machines);
        for (int p : processes) {
            state.retract(p);
        }
        search(0);
        for (int i = 0; i < processes.length; i++) {
            state.insert(processes[i], before[i]);
        }
        if (found) {
            for (int i = 0; i < processes.length; i++) {
                if (best[i] != before[i]) {
                    journal.relocate(processes[i], best[i]);
                }
            }
        }
        return journal.size() > 0;
    }

    /** Collects the machines' processes, largest first, and sizes the search's arrays. */
    private void prepare(int[] machines) {
        this.machines = machines;
        int count = 0;
        for (int m : machines) {
            count += state.hostedCount(m);
        }
        Integer[] sorted = new Integer[count];
        int i = 0;
        for (int m : machines) {
            for (int slot = 0; slot < state.hostedCount(m); slot++) {
                sorted[i++] = state.hostedProcess(m, slot);
            }
        }
        int reference = machines[0];
        Arrays.sort(sorted, (a, b) -> Double.compare(state.sizeOn(b, reference), state.sizeOn(a, reference)));
        processes = new int[count];
        before = new int[count];
        for (i = 0; i < count; i++) {
            processes[i] = sorted[i];
            before[i] = state.machineOf(sorted[i]);
        }
        order = new int[count][machines.length];
        bounds = new long[count][machines.length];
        branch = new int[count];
        best = new int[count];
    }

    private void search(int depth) {
        if (depth == processes.length) {
            offer();
            return;
        }
        int p = processes[depth];
        rankMachines(p, depth);
        for (int k = 0; k < machines.length && nodes < NODE_LIMIT; k++) {
            long bound = bounds[depth][k];
            if (bound == BROKEN || bound > ceiling) {
                return; // ranked cheapest first, and the ceiling only falls
            }
            int m = machines[order[depth][k]];
            state.insert(p, m);
            branch[depth] = m;
            search(depth + 1);
            state.retract(p);
        }
    }

    /** Orders the machines for p by the bound each leads to, cheapest first; a broken constraint ranks last. */
    private void rankMachines(int p, int depth) {
        int[] ranked = order[depth];
        long[] bound = bounds[depth];
        for (int j = 0; j < machines.length; j++) {
            state.insert(p, machines[j]);
            nodes++;
            long value = state.packingPenalty() == 0 ? bound() : BROKEN;
            state.retract(p);
            int k = j;
            while (k > 0 && bound[k - 1] > value) { // insertion sort: a handful of machines
                bound[k] = bound[k - 1];
                ranked[k] = ranked[k - 1];
                k--;
            }
            bound[k] = value;
            ranked[k] = j;
        }
    }

    /** The least cost any completion of the current partial packing can have. */
    private long bound() {
        long balance = 0;
        for (int m : machines) {
            balance += state.balanceCost(m);
        }
        return state.softPenalty() - balance + balanceFloor;
    }

    private void offer() {
        long cost = state.softPenalty();
        if (state.hardPenalty() != 0 || cost > ceiling) {
            return;
        }
        System.arraycopy(branch, 0, best, 0, branch.length);
        found = true;
        ceiling = cost - 1;
    }
}
