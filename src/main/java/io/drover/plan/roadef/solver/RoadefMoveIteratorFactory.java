package io.drover.plan.roadef.solver;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Random moves that keep every hard constraint, checked on the incremental state before Timefold scores them:
 * changes, swaps and ejections (p goes to the machine of q, q goes elsewhere). An ejection lets a large process
 * reach a full machine in one step, where a change and then a swap would each be rejected or lose score.
 * The mix is set by the custom properties {@code swapShare} and {@code ejectionShare}.
 */
public class RoadefMoveIteratorFactory implements MoveIteratorFactory<RoadefSolution, RoadefMove> {

    /** Candidates drawn per move before giving up and handing out an unchecked one (rejected by the score). */
    private static final int MAX_ATTEMPTS = 10_000;

    private double swapShare = 0.4;
    private double ejectionShare = 0.2;

    public void setSwapShare(String share) {
        this.swapShare = Double.parseDouble(share);
    }

    public void setEjectionShare(String share) {
        this.ejectionShare = Double.parseDouble(share);
    }

    @Override
    public long getSize(ScoreDirector<RoadefSolution> scoreDirector) {
        RoadefSolution solution = scoreDirector.getWorkingSolution();
        return (long) solution.getAssignments().size() * solution.getMachines().size();
    }

    @Override
    public Iterator<RoadefMove> createOriginalMoveIterator(ScoreDirector<RoadefSolution> scoreDirector) {
        throw new UnsupportedOperationException("RoadefMoveIteratorFactory only supports random selection");
    }

    @Override
    public Iterator<RoadefMove> createRandomMoveIterator(ScoreDirector<RoadefSolution> scoreDirector,
            Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public RoadefMove next() {
                RoadefSolution solution = scoreDirector.getWorkingSolution();
                RoadefState state = solution.getState();
                if (state == null) {
                    throw new NoSuchElementException("no incremental state attached to the working solution");
                }
                return draw(solution.getAssignments(), solution.getMachines(), state, random);
            }
        };
    }

    private RoadefMove draw(List<ProcessAssignment> assignments, List<RoadefMachine> machines, RoadefState state,
            Random random) {
        int processCount = assignments.size();
        int machineCount = machines.size();
        RoadefMove last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double kind = random.nextDouble();
            int p = random.nextInt(processCount);
            if (kind < swapShare) {
                int q = random.nextInt(processCount);
                int mp = state.machineOf(p);
                int mq = state.machineOf(q);
                if (mp == mq) {
                    continue;
                }
                last = new RoadefMove("swap", assignments.get(p), machines.get(mq), assignments.get(q),
                        machines.get(mp));
                if (state.swapKeepsFeasible(p, q)) {
                    return last;
                }
            } else if (kind < swapShare + ejectionShare) {
                int q = random.nextInt(processCount);
                int target = state.machineOf(q);
                int elsewhere = random.nextInt(machineCount);
                if (target == state.machineOf(p) || elsewhere == target) {
                    continue;
                }
                last = new RoadefMove("ejection", assignments.get(p), machines.get(target), assignments.get(q),
                        machines.get(elsewhere));
                if (state.changeKeepsFeasible(q, elsewhere) && state.changeKeepsFeasibleAfter(q, elsewhere, p,
                        target)) {
                    return last;
                }
            } else {
                int target = random.nextInt(machineCount);
                if (target == state.machineOf(p)) {
                    continue;
                }
                last = new RoadefMove("change", assignments.get(p), machines.get(target), null, null);
                if (state.changeKeepsFeasible(p, target)) {
                    return last;
                }
            }
        }
        return last;
    }
}
