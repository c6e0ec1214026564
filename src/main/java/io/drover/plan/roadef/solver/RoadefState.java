package io.drover.plan.roadef.solver;

import io.drover.plan.roadef.RoadefModel;
import io.drover.plan.roadef.RoadefModel.Balance;
import io.drover.plan.roadef.RoadefModel.Machine;
import io.drover.plan.roadef.RoadefModel.Process;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The incremental bookkeeping behind {@link RoadefIncrementalScoreCalculator}: usage per machine and resource,
 * processes per service and machine, location and neighbourhood, moved processes per service. A process is taken off
 * its machine ({@link #retract}) and put on another ({@link #insert}) in O(resources + balances + dependencies of its
 * service). The move filters ask it whether a move keeps every hard constraint ({@link #changeKeepsFeasible},
 * {@link #swapKeepsFeasible}) without changing anything.
 *
 * <p>Hard penalty: capacity and transient excess in resource units, plus one per conflicting process, missing
 * location and process without its dependency. Soft penalty: the official objective.
 */
public final class RoadefState {

    private final Object owner;

    private final int resourceCount;
    private final int machineCount;
    private final int locationCount;
    private final int neighborhoodCount;
    private final boolean[] transientResource;
    private final long[] loadWeight;
    private final long[] capacity;
    private final long[] safety;
    private final int[] balanceResource1;
    private final int[] balanceResource2;
    private final long[] balanceTarget;
    private final long[] balanceWeight;
    private final int[] machineLocation;
    private final int[] machineNeighborhood;
    private final int[][] machineMoveCost;
    private final long[] requirement;
    private final int[] processService;
    private final long[] processMoveCost;
    private final int[] spreadMin;
    private final int[][] dependsOn;
    private final int[][] dependedOnBy;
    private final long processMoveWeight;
    private final long serviceMoveWeight;
    private final long machineMoveWeight;

    private final int[] original;
    private final int[] current;
    private final long[] usage;
    private final long[] movedAway;
    private final long[] machineHard;
    private final long[] machineSoft;
    private final int[] perServiceMachine;
    private final int[] perServiceLocation;
    private final int[] serviceLocations;
    private final int[] perServiceNeighborhood;
    private final int[] movedPerService;
    /** The processes on each machine, in no order, and each process's slot in its machine's array. */
    private final int[][] hosted;
    private final int[] hostedCount;
    private final int[] hostedSlot;
    /** How many services have moved exactly k processes, to keep the maximum in O(1). */
    private final int[] servicesWithMoved;
    private int maxMovedPerService;

    private long capacityHard;
    private long conflictHard;
    private long spreadHard;
    private long dependencyHard;
    private long loadBalanceSoft;
    private long processMoveTotal;
    private long machineMoveTotal;

    RoadefState(Object owner, RoadefModel model, int[] original, int[] assignment) {
        this.owner = owner;
        resourceCount = model.resourceCount();
        machineCount = model.machineCount();
        locationCount = model.locationCount();
        neighborhoodCount = model.neighborhoodCount();
        int serviceCount = model.serviceCount();
        int processCount = model.processCount();
        transientResource = new boolean[resourceCount];
        loadWeight = new long[resourceCount];
        for (int r = 0; r < resourceCount; r++) {
            transientResource[r] = model.resources().get(r).transientUsage();
            loadWeight[r] = model.resources().get(r).loadCostWeight();
        }
        int balanceCount = model.balances().size();
        balanceResource1 = new int[balanceCount];
        balanceResource2 = new int[balanceCount];
        balanceTarget = new long[balanceCount];
        balanceWeight = new long[balanceCount];
        for (int b = 0; b < balanceCount; b++) {
            Balance balance = model.balances().get(b);
            balanceResource1[b] = balance.resource1();
            balanceResource2[b] = balance.resource2();
            balanceTarget[b] = balance.target();
            balanceWeight[b] = balance.weight();
        }
        capacity = new long[machineCount * resourceCount];
        safety = new long[machineCount * resourceCount];
        machineLocation = new int[machineCount];
        machineNeighborhood = new int[machineCount];
        machineMoveCost = new int[machineCount][];
        for (Machine machine : model.machines()) {
            int m = machine.index();
            System.arraycopy(machine.capacities(), 0, capacity, m * resourceCount, resourceCount);
            System.arraycopy(machine.safetyCapacities(), 0, safety, m * resourceCount, resourceCount);
            machineLocation[m] = machine.location();
            machineNeighborhood[m] = machine.neighborhood();
            machineMoveCost[m] = machine.moveCosts();
        }
        requirement = new long[processCount * resourceCount];
        processService = new int[processCount];
        processMoveCost = new long[processCount];
        for (Process process : model.processes()) {
            int p = process.index();
            System.arraycopy(process.requirements(), 0, requirement, p * resourceCount, resourceCount);
            processService[p] = process.service();
            processMoveCost[p] = process.moveCost();
        }
        spreadMin = new int[serviceCount];
        dependsOn = new int[serviceCount][];
        List<List<Integer>> reverse = new ArrayList<>(serviceCount);
        for (int s = 0; s < serviceCount; s++) {
            reverse.add(new ArrayList<>());
        }
        for (int s = 0; s < serviceCount; s++) {
            spreadMin[s] = model.services().get(s).spreadMin();
            dependsOn[s] = model.services().get(s).dependsOn();
            for (int dependency : dependsOn[s]) {
                reverse.get(dependency).add(s);
            }
        }
        dependedOnBy = new int[serviceCount][];
        for (int s = 0; s < serviceCount; s++) {
            dependedOnBy[s] = reverse.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        processMoveWeight = model.weights().processMove();
        serviceMoveWeight = model.weights().serviceMove();
        machineMoveWeight = model.weights().machineMove();

        this.original = original.clone();
        current = new int[processCount];
        Arrays.fill(current, -1);
        usage = new long[machineCount * resourceCount];
        movedAway = new long[machineCount * resourceCount];
        machineHard = new long[machineCount];
        machineSoft = new long[machineCount];
        perServiceMachine = new int[Math.multiplyExact(serviceCount, machineCount)];
        perServiceLocation = new int[Math.multiplyExact(serviceCount, locationCount)];
        serviceLocations = new int[serviceCount];
        perServiceNeighborhood = new int[Math.multiplyExact(serviceCount, neighborhoodCount)];
        movedPerService = new int[serviceCount];
        hosted = new int[machineCount][4];
        hostedCount = new int[machineCount];
        hostedSlot = new int[processCount];
        servicesWithMoved = new int[processCount + 1];
        servicesWithMoved[0] = serviceCount;
        for (int s = 0; s < serviceCount; s++) {
            spreadHard += spreadMin[s]; // no location yet
        }
        for (int m = 0; m < machineCount; m++) {
            refreshMachine(m);
        }
        for (int p = 0; p < processCount; p++) {
            if (assignment[p] >= 0) {
                insert(p, assignment[p]);
            }
        }
    }

    Object owner() {
        return owner;
    }

    /** Lets the move filters of the working solution read this state, unless another calculator already does. */
    void attachTo(RoadefSolution solution) {
        RoadefState attached = solution.getState();
        if (attached == null || attached.owner == owner) {
            solution.setState(this);
        }
    }

    public long hardPenalty() {
        return capacityHard + conflictHard + spreadHard + dependencyHard;
    }

    /**
     * The capacity, transient and conflict penalties: unlike spread and dependencies, inserting a process can only
     * raise them, so a partial assignment that has any cannot be completed into a feasible one.
     */
    long packingPenalty() {
        return capacityHard + conflictHard;
    }

    public long softPenalty() {
        return loadBalanceSoft + processMoveWeight * processMoveTotal + serviceMoveWeight * maxMovedPerService
                + machineMoveWeight * machineMoveTotal;
    }

    public int machineOf(int process) {
        return current[process];
    }

    int processCount() {
        return current.length;
    }

    int machineCount() {
        return machineCount;
    }

    int originalMachineOf(int process) {
        return original[process];
    }

    /** Copies the machine of every process into {@code target}. */
    void copyAssignmentInto(int[] target) {
        System.arraycopy(current, 0, target, 0, current.length);
    }

    /** How many processes machine m runs; {@link #hostedProcess} reads them by slot 0 .. count - 1. */
    int hostedCount(int m) {
        return hostedCount[m];
    }

    int hostedProcess(int m, int slot) {
        return hosted[m][slot];
    }

    /** The load and balance cost of machine m. */
    long machineCost(int m) {
        return machineSoft[m];
    }

    /** The capacity and transient excess on machine m, 0 when it keeps its capacity constraints. */
    long machineExcess(int m) {
        return machineHard[m];
    }

    /** Whether process p alone would keep machine m within its safety capacities. */
    boolean fitsSafetyAlone(int p, int m) {
        int machineBase = m * resourceCount;
        int base = p * resourceCount;
        for (int r = 0; r < resourceCount; r++) {
            if (requirement[base + r] > safety[machineBase + r]) {
                return false;
            }
        }
        return true;
    }

    /** Sum over resources of p's requirement relative to machine m's capacity: how much of m process p fills. */
    double sizeOn(int p, int m) {
        int machineBase = m * resourceCount;
        int base = p * resourceCount;
        double size = 0;
        for (int r = 0; r < resourceCount; r++) {
            long available = capacity[machineBase + r];
            size += available == 0 ? 0 : (double) requirement[base + r] / available;
        }
        return size;
    }

    // ************************************************************************
    // Changes
    // ************************************************************************

    /** Takes process p off its machine: afterwards it counts nowhere and is not moved. */
    void retract(int p) {
        int m = current[p];
        if (m < 0) {
            return;
        }
        current[p] = -1;
        unhost(p, m);
        int s = processService[p];
        int base = p * resourceCount;
        int machineBase = m * resourceCount;
        for (int r = 0; r < resourceCount; r++) {
            usage[machineBase + r] -= requirement[base + r];
        }
        refreshMachine(m);
        int o = original[p];
        if (m != o) {
            int originalBase = o * resourceCount;
            for (int r = 0; r < resourceCount; r++) {
                movedAway[originalBase + r] -= requirement[base + r];
            }
            refreshMachine(o);
            processMoveTotal -= processMoveCost[p];
            machineMoveTotal -= machineMoveCost[o][m];
            decrementMoved(s);
        }
        int onMachine = --perServiceMachine[s * machineCount + m];
        if (onMachine >= 1) {
            conflictHard--;
        }
        int locationIndex = s * locationCount + machineLocation[m];
        if (--perServiceLocation[locationIndex] == 0) {
            long before = Math.max(0, spreadMin[s] - serviceLocations[s]);
            serviceLocations[s]--;
            spreadHard += Math.max(0, spreadMin[s] - serviceLocations[s]) - before;
        }
        int n = machineNeighborhood[m];
        long before = dependencyTerms(s, n);
        perServiceNeighborhood[s * neighborhoodCount + n]--;
        dependencyHard += dependencyTerms(s, n) - before;
    }

    /** Puts process p, currently nowhere, on machine m. */
    void insert(int p, int m) {
        current[p] = m;
        host(p, m);
        int s = processService[p];
        int base = p * resourceCount;
        int machineBase = m * resourceCount;
        for (int r = 0; r < resourceCount; r++) {
            usage[machineBase + r] += requirement[base + r];
        }
        refreshMachine(m);
        int o = original[p];
        if (m != o) {
            int originalBase = o * resourceCount;
            for (int r = 0; r < resourceCount; r++) {
                movedAway[originalBase + r] += requirement[base + r];
            }
            refreshMachine(o);
            processMoveTotal += processMoveCost[p];
            machineMoveTotal += machineMoveCost[o][m];
            incrementMoved(s);
        }
        int onMachine = perServiceMachine[s * machineCount + m]++;
        if (onMachine >= 1) {
            conflictHard++;
        }
        int locationIndex = s * locationCount + machineLocation[m];
        if (perServiceLocation[locationIndex]++ == 0) {
            long before = Math.max(0, spreadMin[s] - serviceLocations[s]);
            serviceLocations[s]++;
            spreadHard += Math.max(0, spreadMin[s] - serviceLocations[s]) - before;
        }
        int n = machineNeighborhood[m];
        long before = dependencyTerms(s, n);
        perServiceNeighborhood[s * neighborhoodCount + n]++;
        dependencyHard += dependencyTerms(s, n) - before;
    }

    private void host(int p, int m) {
        int count = hostedCount[m];
        if (count == hosted[m].length) {
            hosted[m] = Arrays.copyOf(hosted[m], count * 2);
        }
        hosted[m][count] = p;
        hostedSlot[p] = count;
        hostedCount[m] = count + 1;
    }

    private void unhost(int p, int m) {
        int last = --hostedCount[m];
        int slot = hostedSlot[p];
        int moved = hosted[m][last];
        hosted[m][slot] = moved;
        hostedSlot[moved] = slot;
    }

    /** Dependency violations in neighbourhood n that involve service s, on either side of a dependency. */
    private long dependencyTerms(int s, int n) {
        long terms = 0;
        int own = perServiceNeighborhood[s * neighborhoodCount + n];
        if (own > 0) {
            for (int dependency : dependsOn[s]) {
                if (perServiceNeighborhood[dependency * neighborhoodCount + n] == 0) {
                    terms += own;
                }
            }
        }
        if (own == 0) {
            for (int dependent : dependedOnBy[s]) {
                terms += perServiceNeighborhood[dependent * neighborhoodCount + n];
            }
        }
        return terms;
    }

    private void incrementMoved(int s) {
        int moved = movedPerService[s]++;
        servicesWithMoved[moved]--;
        servicesWithMoved[moved + 1]++;
        if (moved + 1 > maxMovedPerService) {
            maxMovedPerService = moved + 1;
        }
    }

    private void decrementMoved(int s) {
        int moved = movedPerService[s]--;
        servicesWithMoved[moved]--;
        servicesWithMoved[moved - 1]++;
        if (moved == maxMovedPerService && servicesWithMoved[moved] == 0) {
            maxMovedPerService = moved - 1;
        }
    }

    /** The load cost of machine m: what its usage above the safety capacities costs. */
    long loadCost(int m) {
        return machineSoft[m] - balanceCost(m);
    }

    /** The balance cost of machine m as it is now. */
    long balanceCost(int m) {
        int machineBase = m * resourceCount;
        long cost = 0;
        for (int b = 0; b < balanceTarget.length; b++) {
            cost += balanceTerm(b, free(machineBase, balanceResource1[b]), free(machineBase, balanceResource2[b]));
        }
        return cost;
    }

    /**
     * The least balance cost the given machines can have together, however their processes are shared out among
     * them: per balance, the term of their summed free resources (the sum of the machines' terms, each cut off at 0,
     * is at least that).
     */
    long balanceFloor(int[] machines) {
        long floor = 0;
        for (int b = 0; b < balanceTarget.length; b++) {
            long free1 = 0;
            long free2 = 0;
            for (int m : machines) {
                free1 += free(m * resourceCount, balanceResource1[b]);
                free2 += free(m * resourceCount, balanceResource2[b]);
            }
            floor += balanceTerm(b, free1, free2);
        }
        return floor;
    }

    private long free(int machineBase, int r) {
        return capacity[machineBase + r] - usage[machineBase + r];
    }

    /** Balance b's cost on a machine (or machines) with these free amounts of its two resources. */
    private long balanceTerm(int b, long available1, long available2) {
        long excess = balanceTarget[b] * available1 - available2;
        return excess > 0 ? balanceWeight[b] * excess : 0;
    }

    /** Recomputes the capacity/transient excess and the load + balance cost of machine m. */
    private void refreshMachine(int m) {
        int machineBase = m * resourceCount;
        long hard = 0;
        long soft = 0;
        for (int r = 0; r < resourceCount; r++) {
            long used = usage[machineBase + r];
            long available = capacity[machineBase + r];
            if (used > available) {
                hard += used - available;
            }
            if (transientResource[r]) {
                long held = used + movedAway[machineBase + r];
                if (held > available) {
                    hard += held - available;
                }
            }
            long overSafety = used - safety[machineBase + r];
            if (overSafety > 0) {
                soft += loadWeight[r] * overSafety;
            }
        }
        soft += balanceCost(m);
        capacityHard += hard - machineHard[m];
        machineHard[m] = hard;
        loadBalanceSoft += soft - machineSoft[m];
        machineSoft[m] = soft;
    }

    // ************************************************************************
    // Cost of a change, read-only
    // ************************************************************************

    /** How much the objective changes if process p moves to machine to: the score of a change, without making it. */
    long changeCostDelta(int p, int to) {
        return departureCostDelta(p) + arrivalCostDelta(p, to);
    }

    /** How the load and balance cost of p's machine changes when p leaves it (the same for every target). */
    long departureCostDelta(int p) {
        int from = current[p];
        return machineCostWith(from, -1, p) - machineSoft[from];
    }

    /**
     * The rest of {@link #changeCostDelta}: how the cost of machine to and the move costs change when p moves
     * there.
     */
    long arrivalCostDelta(int p, int to) {
        int from = current[p];
        int o = original[p];
        int s = processService[p];
        long delta = machineCostWith(to, p, -1) - machineSoft[to];
        if (from == o) {
            delta += processMoveWeight * processMoveCost[p] + machineMoveWeight * machineMoveCost[o][to];
            if (movedPerService[s] == maxMovedPerService) {
                delta += serviceMoveWeight;
            }
        } else if (to == o) {
            delta -= processMoveWeight * processMoveCost[p] + machineMoveWeight * machineMoveCost[o][from];
            if (movedPerService[s] == maxMovedPerService && servicesWithMoved[maxMovedPerService] == 1) {
                delta -= serviceMoveWeight;
            }
        } else {
            delta += machineMoveWeight * ((long) machineMoveCost[o][to] - machineMoveCost[o][from]);
        }
        return delta;
    }

    /**
     * How much the objective changes if processes p and q, of different services and on different machines,
     * exchange machines: the score of a swap, without making it.
     */
    long swapCostDelta(int p, int q) {
        int m1 = current[p];
        int m2 = current[q];
        int movedP = movedChange(p, m1, m2);
        int movedQ = movedChange(q, m2, m1);
        return machineCostWith(m1, q, p) - machineSoft[m1] + machineCostWith(m2, p, q) - machineSoft[m2]
                + relocationMoveCost(p, m1, m2, movedP) + relocationMoveCost(q, m2, m1, movedQ)
                + serviceMoveWeight * (maxMovedAfter(processService[p], movedP, processService[q], movedQ)
                        - maxMovedPerService);
    }

    /** +1 if moving p from machine from to machine to moves it away from home, -1 if it brings it home, else 0. */
    private int movedChange(int p, int from, int to) {
        return (to != original[p] ? 1 : 0) - (from != original[p] ? 1 : 0);
    }

    /** The process and machine move costs that moving p from machine from to machine to adds. */
    private long relocationMoveCost(int p, int from, int to, int moved) {
        int o = original[p];
        long machineMove = (to == o ? 0 : machineMoveCost[o][to]) - (from == o ? 0 : machineMoveCost[o][from]);
        return processMoveWeight * processMoveCost[p] * moved + machineMoveWeight * machineMove;
    }

    /**
     * The largest number of moved processes of a service once services a and b (distinct) change theirs by da and
     * db (each -1, 0 or +1). The maximum falls by at most one, and only if no other service is at it.
     */
    private int maxMovedAfter(int a, int da, int b, int db) {
        int max = maxMovedPerService;
        int countA = movedPerService[a];
        int countB = movedPerService[b];
        int after = Math.max(countA + da, countB + db);
        int othersAtMax = servicesWithMoved[max] - (countA == max ? 1 : 0) - (countB == max ? 1 : 0);
        if (othersAtMax > 0 || max == 0) {
            return Math.max(max, after);
        }
        int othersBelow = servicesWithMoved[max - 1] - (countA == max - 1 ? 1 : 0) - (countB == max - 1 ? 1 : 0);
        return Math.max(after, othersBelow > 0 ? max - 1 : 0);
    }

    /** The load and balance cost of machine m once process in (or -1) arrives and process out (or -1) leaves. */
    private long machineCostWith(int m, int in, int out) {
        int machineBase = m * resourceCount;
        int inBase = in * resourceCount;
        int outBase = out * resourceCount;
        long cost = 0;
        for (int r = 0; r < resourceCount; r++) {
            long overSafety = used(machineBase, r, inBase, outBase) - safety[machineBase + r];
            if (overSafety > 0) {
                cost += loadWeight[r] * overSafety;
            }
        }
        for (int b = 0; b < balanceTarget.length; b++) {
            int r1 = balanceResource1[b];
            int r2 = balanceResource2[b];
            cost += balanceTerm(b, capacity[machineBase + r1] - used(machineBase, r1, inBase, outBase),
                    capacity[machineBase + r2] - used(machineBase, r2, inBase, outBase));
        }
        return cost;
    }

    /** Usage of resource r on the machine at machineBase with the process at inBase added, outBase removed. */
    private long used(int machineBase, int r, int inBase, int outBase) {
        return usage[machineBase + r] + (inBase < 0 ? 0 : requirement[inBase + r])
                - (outBase < 0 ? 0 : requirement[outBase + r]);
    }

    // ************************************************************************
    // Feasibility of a move, read-only
    // ************************************************************************

    /** Whether moving process p to machine to breaks no hard constraint that holds now. */
    boolean changeKeepsFeasible(int p, int to) {
        int from = current[p];
        if (from == to || from < 0) {
            return false;
        }
        int s = processService[p];
        if (perServiceMachine[s * machineCount + to] > 0) {
            return false;
        }
        if (!fits(to, p, to == original[p], -1, false)) {
            return false;
        }
        int fromLocation = machineLocation[from];
        int toLocation = machineLocation[to];
        if (fromLocation != toLocation && perServiceLocation[s * locationCount + fromLocation] == 1
                && perServiceLocation[s * locationCount + toLocation] > 0
                && serviceLocations[s] - 1 < spreadMin[s]) {
            return false;
        }
        int fromNeighborhood = machineNeighborhood[from];
        int toNeighborhood = machineNeighborhood[to];
        if (fromNeighborhood != toNeighborhood) {
            for (int dependency : dependsOn[s]) {
                if (dependency != s && perServiceNeighborhood[dependency * neighborhoodCount + toNeighborhood] == 0) {
                    return false;
                }
            }
            if (perServiceNeighborhood[s * neighborhoodCount + fromNeighborhood] == 1) {
                for (int dependent : dependedOnBy[s]) {
                    if (dependent != s
                            && perServiceNeighborhood[dependent * neighborhoodCount + fromNeighborhood] > 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether exchanging the machines of processes p1 and p2 breaks no hard constraint that holds now. */
    boolean swapKeepsFeasible(int p1, int p2) {
        int m1 = current[p1];
        int m2 = current[p2];
        int s1 = processService[p1];
        int s2 = processService[p2];
        if (m1 == m2 || m1 < 0 || m2 < 0 || s1 == s2) {
            return false;
        }
        if (perServiceMachine[s1 * machineCount + m2] > 0 || perServiceMachine[s2 * machineCount + m1] > 0) {
            return false;
        }
        if (!fits(m2, p1, m2 == original[p1], p2, m2 == original[p2])
                || !fits(m1, p2, m1 == original[p2], p1, m1 == original[p1])) {
            return false;
        }
        int l1 = machineLocation[m1];
        int l2 = machineLocation[m2];
        if (l1 != l2) {
            if (perServiceLocation[s1 * locationCount + l1] == 1 && perServiceLocation[s1 * locationCount + l2] > 0
                    && serviceLocations[s1] - 1 < spreadMin[s1]) {
                return false;
            }
            if (perServiceLocation[s2 * locationCount + l2] == 1 && perServiceLocation[s2 * locationCount + l1] > 0
                    && serviceLocations[s2] - 1 < spreadMin[s2]) {
                return false;
            }
        }
        int n1 = machineNeighborhood[m1];
        int n2 = machineNeighborhood[m2];
        return n1 == n2 || (dependenciesHoldAfterSwap(s1, n1, n2, s2) && dependenciesHoldAfterSwap(s2, n2, n1, s1));
    }

    /** Service s moves one process from neighbourhood from to to, while service other moves one from to to from. */
    private boolean dependenciesHoldAfterSwap(int s, int from, int to, int other) {
        for (int dependency : dependsOn[s]) {
            if (dependency == s) {
                continue;
            }
            int there = perServiceNeighborhood[dependency * neighborhoodCount + to] - (dependency == other ? 1 : 0);
            if (there == 0) {
                return false;
            }
        }
        if (perServiceNeighborhood[s * neighborhoodCount + from] == 1) {
            for (int dependent : dependedOnBy[s]) {
                if (dependent == s) {
                    continue;
                }
                int left = perServiceNeighborhood[dependent * neighborhoodCount + from] + (dependent == other ? 1 : 0);
                if (left > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether machine m stays within capacity (and transient capacity) when process in arrives (coming home if
     * inIsHome) and process out, if not -1, leaves (leaving home if outIsHome).
     */
    private boolean fits(int m, int in, boolean inIsHome, int out, boolean outIsHome) {
        int machineBase = m * resourceCount;
        int inBase = in * resourceCount;
        int outBase = out * resourceCount;
        for (int r = 0; r < resourceCount; r++) {
            long arriving = requirement[inBase + r];
            long leaving = out < 0 ? 0 : requirement[outBase + r];
            long used = usage[machineBase + r] + arriving - leaving;
            long available = capacity[machineBase + r];
            if (used > available) {
                return false;
            }
            if (transientResource[r]) {
                long away = movedAway[machineBase + r] - (inIsHome ? arriving : 0) + (outIsHome ? leaving : 0);
                if (used + away > available) {
                    return false;
                }
            }
        }
        return true;
    }
}
