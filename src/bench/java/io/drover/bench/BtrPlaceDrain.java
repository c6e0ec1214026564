package io.drover.bench;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.FleetIndex;
import io.drover.model.Guest;
import io.drover.model.Host;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.btrplace.model.DefaultModel;
import org.btrplace.model.Mapping;
import org.btrplace.model.Model;
import org.btrplace.model.Node;
import org.btrplace.model.VM;
import org.btrplace.model.constraint.Fence;
import org.btrplace.model.constraint.Offline;
import org.btrplace.model.constraint.SatConstraint;
import org.btrplace.model.view.ShareableResource;
import org.btrplace.plan.ReconfigurationPlan;
import org.btrplace.plan.event.Action;
import org.btrplace.plan.event.MigrateVM;
import org.btrplace.scheduler.SchedulerException;
import org.btrplace.scheduler.choco.DefaultChocoScheduler;

/**
 * The same drain in BtrPlace (scheduler-choco 1.9.3, Maven profile {@code bench} only): one node per host with
 * ShareableResources {@code mem} (units of 256 MiB: guest memory plus Drover's 256 MiB overhead is a whole number of
 * them, and 5,000 hosts' capacities stay within an int) and {@code cpu} (vCPUs, capacity logical CPUs × the CPU
 * overcommit), every running guest as a running VM on its host, {@code Offline} for each drained host, and
 * {@code Fence} for each VM whose allowed hosts ({@link CompatibilityEngine#allowedIgnoringLoad}, plus its own host)
 * are a strict subset of the kept hosts; VMs with the same allowed set share one node collection. Repair mode on,
 * first solution (no optimisation), a time limit.
 *
 * <p>BtrPlace has no partial plans: a VM that no kept host may take would make the whole instance unsolvable, so
 * VMs of drained hosts that the rules refuse everywhere (Drover lists them blocked) are left out of the model and
 * counted as {@code excluded}.
 */
final class BtrPlaceDrain {

    /** What BtrPlace gave. */
    record Outcome(String status, double buildSeconds, double solveSeconds, int migrations, int unneeded,
            int notMoved, int badDestination, int excluded, int fences, int fenceSets, int duration,
            long peakHeapBytes) {

        boolean solved() {
            return status.equals("solved");
        }
    }

    private static final long UNIT = 256L * 1024 * 1024;

    private BtrPlaceDrain() {
    }

    /**
     * @param fenceAll Fence every VM with a strict subset (true) or only the VMs of drained hosts (false: in repair
     *                 mode BtrPlace leaves the other VMs where they are unless a constraint is violated on them)
     */
    static Outcome run(DrainBenchmark.Prepared prepared, int timeLimitSeconds, boolean fenceAll) {
        System.gc();
        DrainBenchmark.resetHeapPeaks();
        long t0 = System.nanoTime();
        CompatibilityEngine engine = prepared.engine();
        FleetIndex fleet = engine.fleet();
        CompatibilityPolicy policy = fleet.policy();
        Set<Integer> drained = new HashSet<>();
        prepared.drained().forEach(name -> drained.add(engine.hostId(name)));

        Model model = new DefaultModel();
        Mapping mapping = model.getMapping();
        ShareableResource mem = new ShareableResource("mem", 0, 0);
        ShareableResource cpu = new ShareableResource("cpu", 0, 0);
        Node[] nodes = new Node[fleet.hostCount()];
        Map<Node, Integer> hostOf = new HashMap<>();
        List<Integer> kept = new ArrayList<>();
        BitSet keptSet = new BitSet();
        for (int h = 0; h < fleet.hostCount(); h++) {
            Node node = model.newNode();
            nodes[h] = node;
            hostOf.put(node, h);
            mapping.addOnlineNode(node);
            Host host = fleet.host(h);
            mem.setCapacity(node, (int) (DrainBenchmark.memoryCapacity(host, policy) / UNIT));
            cpu.setCapacity(node, (int) DrainBenchmark.vcpuCapacity(host, policy));
            if (!drained.contains(h) && fleet.isOk(h)) {
                kept.add(h);
                keptSet.set(h);
            }
        }
        Map<BitSet, Collection<Node>> sharedSets = new HashMap<>();
        List<SatConstraint> constraints = new ArrayList<>();
        Map<VM, Integer> guestOf = new HashMap<>();
        int excluded = 0;
        int fences = 0;
        for (int g = 0; g < fleet.guestCount(); g++) {
            Guest guest = fleet.guest(g);
            if (!guest.state().isActive()) {
                continue;
            }
            int source = fleet.source(g);
            boolean leaving = drained.contains(source);
            BitSet allowed = null;
            if (leaving || fenceAll) {
                allowed = new BitSet(fleet.hostCount());
                for (int h : kept) {
                    if (h == source || engine.allowedIgnoringLoad(g, h)) {
                        allowed.set(h);
                    }
                }
                if (leaving && allowed.isEmpty()) {
                    excluded++;
                    continue;
                }
            }
            VM vm = model.newVM();
            guestOf.put(vm, g);
            mapping.addRunningVM(vm, nodes[source]);
            mem.setConsumption(vm, (int) ((DrainBenchmark.demand(guest, policy) + UNIT - 1) / UNIT));
            cpu.setConsumption(vm, guest.vcpus());
            if (allowed != null && !allowed.equals(keptSet)) {
                Collection<Node> fence = sharedSets.computeIfAbsent(allowed, set -> {
                    Set<Node> members = new HashSet<>();
                    set.stream().forEach(h -> members.add(nodes[h]));
                    return members;
                });
                constraints.add(new Fence(vm, fence));
                fences++;
            }
        }
        model.attach(mem);
        model.attach(cpu);
        for (int h : drained) {
            constraints.add(new Offline(nodes[h]));
        }
        double build = (System.nanoTime() - t0) / 1e9;

        DefaultChocoScheduler scheduler = new DefaultChocoScheduler();
        scheduler.doRepair(true);
        scheduler.doOptimize(false);
        scheduler.setTimeLimit(timeLimitSeconds);
        long t1 = System.nanoTime();
        ReconfigurationPlan plan;
        String status;
        try {
            plan = scheduler.solve(model, constraints);
            status = plan == null ? "no solution within " + timeLimitSeconds + " s" : "solved";
        } catch (SchedulerException e) {
            plan = null;
            status = "failed: " + e;
        } catch (RuntimeException e) {
            plan = null;
            status = "failed: " + e;
        } catch (OutOfMemoryError e) {
            plan = null;
            status = "out of memory (-Xmx " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)";
        }
        double solve = (System.nanoTime() - t1) / 1e9;
        long heap = DrainBenchmark.peakHeapBytes();
        int migrations = 0;
        int unneeded = 0;
        int badDestination = 0;
        int notMoved = 0;
        if (plan != null) {
            Set<VM> moved = new HashSet<>();
            for (Action action : plan) {
                if (action instanceof MigrateVM) {
                    MigrateVM move = (MigrateVM) action;
                    migrations++;
                    moved.add(move.getVM());
                    int g = guestOf.get(move.getVM());
                    int from = hostOf.get(move.getSourceNode());
                    int to = hostOf.get(move.getDestinationNode());
                    if (!drained.contains(from)) {
                        unneeded++;
                    }
                    if (drained.contains(to) || !engine.allowedIgnoringLoad(g, to)) {
                        badDestination++;
                    }
                }
            }
            for (int h : drained) {
                for (VM vm : mapping.getRunningVMs(nodes[h])) {
                    if (!moved.contains(vm)) {
                        notMoved++;
                    }
                }
            }
        }
        return new Outcome(status, build, solve, migrations, unneeded, notMoved, badDestination, excluded, fences,
                sharedSets.size(), plan == null ? -1 : plan.getDuration(), heap);
    }
}
