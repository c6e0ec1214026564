package io.drover.plan.roadef;

import io.drover.plan.roadef.RoadefModel.Balance;
import io.drover.plan.roadef.RoadefModel.Machine;
import io.drover.plan.roadef.RoadefModel.Process;
import io.drover.plan.roadef.RoadefModel.Resource;
import io.drover.plan.roadef.RoadefModel.Service;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores an assignment from scratch, straight from the problem statement (sections 1.2 and 1.3). It shares no code
 * with the solver's incremental score, which the tests check against it.
 */
public final class RoadefEvaluator {

    public static final int MAX_DESCRIBED_VIOLATIONS = 20;

    private RoadefEvaluator() {
    }

    /**
     * @param original M0: the original machine of each process
     * @param assignment M: the machine of each process in the solution to score
     */
    public static RoadefEvaluation evaluate(RoadefModel model, int[] original, int[] assignment) {
        int processCount = model.processCount();
        if (original.length != processCount || assignment.length != processCount) {
            throw new IllegalArgumentException("the model has " + processCount + " processes, the original assignment "
                    + original.length + " and the new one " + assignment.length);
        }
        int resourceCount = model.resourceCount();
        int machineCount = model.machineCount();
        List<String> described = new ArrayList<>();
        int[] counts = new int[5];

        // U(m, r), and the transient usage: every process whose original or current machine is m.
        long[][] usage = new long[machineCount][resourceCount];
        long[][] transientUsage = new long[machineCount][resourceCount];
        for (int p = 0; p < processCount; p++) {
            long[] requirements = model.processes().get(p).requirements();
            for (int r = 0; r < resourceCount; r++) {
                usage[assignment[p]][r] += requirements[r];
                transientUsage[assignment[p]][r] += requirements[r];
                if (original[p] != assignment[p]) {
                    transientUsage[original[p]][r] += requirements[r];
                }
            }
        }

        // 1.2.1 capacity and 1.2.5 transient usage
        for (Machine machine : model.machines()) {
            int m = machine.index();
            for (Resource resource : model.resources()) {
                int r = resource.index();
                if (usage[m][r] > machine.capacities()[r]) {
                    violation(counts, 0, described, "capacity: machine " + m + " resource " + r + " uses "
                            + usage[m][r] + " > " + machine.capacities()[r]);
                }
                if (resource.transientUsage() && transientUsage[m][r] > machine.capacities()[r]) {
                    violation(counts, 4, described, "transient: machine " + m + " resource " + r + " holds "
                            + transientUsage[m][r] + " > " + machine.capacities()[r]);
                }
            }
        }

        // 1.2.2 conflict: processes of one service on distinct machines
        List<Set<Integer>> machinesOfService = new ArrayList<>();
        List<Set<Integer>> locationsOfService = new ArrayList<>();
        for (int s = 0; s < model.serviceCount(); s++) {
            machinesOfService.add(new HashSet<>());
            locationsOfService.add(new HashSet<>());
        }
        BitSet serviceInNeighborhood = new BitSet();
        int neighborhoodCount = model.neighborhoodCount();
        for (Process process : model.processes()) {
            Machine machine = model.machines().get(assignment[process.index()]);
            if (!machinesOfService.get(process.service()).add(machine.index())) {
                violation(counts, 1, described, "conflict: process " + process.index() + " of service "
                        + process.service() + " shares machine " + machine.index() + " with another of its service");
            }
            locationsOfService.get(process.service()).add(machine.location());
            serviceInNeighborhood.set(process.service() * neighborhoodCount + machine.neighborhood());
        }

        // 1.2.3 spread
        for (Service service : model.services()) {
            int locations = locationsOfService.get(service.index()).size();
            if (locations < service.spreadMin()) {
                violation(counts, 2, described, "spread: service " + service.index() + " runs in " + locations
                        + " locations < spreadMin " + service.spreadMin());
            }
        }

        // 1.2.4 dependency: each process of sa needs a process of every sb it depends on in its neighborhood
        for (Process process : model.processes()) {
            int neighborhood = model.machines().get(assignment[process.index()]).neighborhood();
            for (int dependency : model.services().get(process.service()).dependsOn()) {
                if (!serviceInNeighborhood.get(dependency * neighborhoodCount + neighborhood)) {
                    violation(counts, 3, described, "dependency: process " + process.index() + " of service "
                            + process.service() + " has no process of service " + dependency + " in neighborhood "
                            + neighborhood);
                }
            }
        }

        // 1.3.1 load cost
        long loadCost = 0;
        for (Resource resource : model.resources()) {
            long resourceCost = 0;
            for (Machine machine : model.machines()) {
                resourceCost += Math.max(0, usage[machine.index()][resource.index()]
                        - machine.safetyCapacities()[resource.index()]);
            }
            loadCost += resource.loadCostWeight() * resourceCost;
        }

        // 1.3.2 balance cost, with A(m, r) = C(m, r) - U(m, r)
        long balanceCost = 0;
        for (Balance balance : model.balances()) {
            long cost = 0;
            for (Machine machine : model.machines()) {
                long available1 = machine.capacities()[balance.resource1()] - usage[machine.index()][balance.resource1()];
                long available2 = machine.capacities()[balance.resource2()] - usage[machine.index()][balance.resource2()];
                cost += Math.max(0, balance.target() * available1 - available2);
            }
            balanceCost += balance.weight() * cost;
        }

        // 1.3.3 - 1.3.5 move costs
        long processMoveCost = 0;
        long machineMoveCost = 0;
        int[] movedPerService = new int[model.serviceCount()];
        for (Process process : model.processes()) {
            int p = process.index();
            if (original[p] != assignment[p]) {
                processMoveCost += process.moveCost();
                movedPerService[process.service()]++;
            }
            machineMoveCost += model.machines().get(original[p]).moveCosts()[assignment[p]];
        }
        int serviceMoveCost = 0;
        for (int moved : movedPerService) {
            serviceMoveCost = Math.max(serviceMoveCost, moved);
        }

        return new RoadefEvaluation(loadCost, balanceCost,
                model.weights().processMove() * processMoveCost,
                model.weights().serviceMove() * serviceMoveCost,
                model.weights().machineMove() * machineMoveCost,
                counts[0], counts[1], counts[2], counts[3], counts[4], described);
    }

    private static void violation(int[] counts, int kind, List<String> described, String description) {
        counts[kind]++;
        if (described.size() < MAX_DESCRIBED_VIOLATIONS) {
            described.add(description);
        }
    }
}
