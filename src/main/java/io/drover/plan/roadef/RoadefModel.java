package io.drover.plan.roadef;

import java.util.List;

/**
 * One instance of the ROADEF/EURO 2012 machine reassignment problem, indexed exactly as in the challenge file
 * (resource, machine, service, process and balance indices start at 0).
 *
 * <p>Arrays are owned by the model: callers must not modify them. Machine move costs are a dense {@code int} matrix
 * (5,000 machines give 25 million entries, 100 MB).
 */
public record RoadefModel(
        List<Resource> resources,
        List<Machine> machines,
        List<Service> services,
        List<Process> processes,
        List<Balance> balances,
        Weights weights,
        int neighborhoodCount,
        int locationCount) {

    public RoadefModel {
        resources = List.copyOf(resources);
        machines = List.copyOf(machines);
        services = List.copyOf(services);
        processes = List.copyOf(processes);
        balances = List.copyOf(balances);
    }

    /** A resource: transient ones are used on both the original and the new machine of a moved process. */
    public record Resource(int index, boolean transientUsage, long loadCostWeight) {
    }

    /** A machine with its capacities C(m, r), safety capacities SC(m, r) and move costs MMC(m, *). */
    public record Machine(int index, int neighborhood, int location, long[] capacities, long[] safetyCapacities,
            int[] moveCosts) {
    }

    /** A service: its processes must run on distinct machines, in at least spreadMin locations. */
    public record Service(int index, int spreadMin, int[] dependsOn) {
    }

    /** A process: its service, requirements R(p, r) and process move cost PMC(p). */
    public record Process(int index, int service, long[] requirements, long moveCost) {
    }

    /** A balance objective: target * A(m, resource1) should not exceed A(m, resource2). */
    public record Balance(int resource1, int resource2, long target, long weight) {
    }

    /** The weights of the three move costs. */
    public record Weights(long processMove, long serviceMove, long machineMove) {
    }

    public int resourceCount() {
        return resources.size();
    }

    public int machineCount() {
        return machines.size();
    }

    public int serviceCount() {
        return services.size();
    }

    public int processCount() {
        return processes.size();
    }
}
