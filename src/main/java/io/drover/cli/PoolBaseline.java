package io.drover.cli;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CpuMap;
import io.drover.compat.CpuXml;
import io.drover.compat.FleetIndex;
import io.drover.compat.Verdict;
import io.drover.compat.Violation;
import io.drover.libvirt.HypervisorConnection;
import io.drover.model.Host;
import io.drover.model.SnapshotHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU baseline of a pool of hosts (an EVC-like cluster CPU), computed by libvirt's own algorithm on a
 * connection that needs no hypervisor (libvirt's {@code test:///default}), plus which hosts hold it back and which
 * running guests of the pool cannot move to every host of the pool.
 */
final class PoolBaseline {

    /** A pool host whose absence would let the baseline gain features. */
    record HoldBack(String host, Set<String> gained) {
    }

    /** A running guest of the pool and the pool hosts it cannot move to, with the rules that say no. */
    record StuckGuest(String guest, String source, Map<String, List<String>> blockedBy) {
    }

    record Report(List<String> hosts, String baselineXml, Set<String> features, List<HoldBack> holdBacks,
            List<StuckGuest> stuckGuests) {
    }

    private PoolBaseline() {
    }

    /** Parses {@code key=value[,key=value...]}; every pair must match a host's labels. */
    static Map<String, String> selector(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw CommandFailure.invalidInput("bad pool selector '" + text + "': expected key=value[,key=value]");
            }
            labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return labels;
    }

    static Report compute(CompatibilityEngine engine, Map<String, String> selector, CpuMap cpuMap,
            HypervisorConnection offline) {
        FleetIndex fleet = engine.fleet();
        List<Integer> pool = new ArrayList<>();
        for (int h = 0; h < fleet.hostCount(); h++) {
            if (fleet.hasFacts(h) && fleet.host(h).labels().entrySet().containsAll(selector.entrySet())) {
                pool.add(h);
            }
        }
        if (pool.isEmpty()) {
            throw CommandFailure.invalidInput("no host with facts matches the pool selector " + selector);
        }
        String arch = fleet.host(pool.get(0)).capabilities().cpu().arch();
        List<String> names = pool.stream().map(fleet::hostName).toList();
        String baseline = offline.baselineCpu(pool.stream().map(h -> cpuXml(fleet.host(h))).toList());
        Set<String> features = CpuXml.features(baseline, arch, cpuMap);
        List<HoldBack> holdBacks = new ArrayList<>();
        if (pool.size() > 1) {
            for (int h : pool) {
                List<String> others = pool.stream().filter(o -> o != h).map(o -> cpuXml(fleet.host(o))).toList();
                Set<String> gained = new TreeSet<>(CpuXml.features(offline.baselineCpu(others), arch, cpuMap));
                gained.removeAll(features);
                if (!gained.isEmpty()) {
                    holdBacks.add(new HoldBack(fleet.hostName(h), gained));
                }
            }
        }
        List<StuckGuest> stuck = new ArrayList<>();
        for (int g = 0; g < fleet.guestCount(); g++) {
            int source = fleet.source(g);
            if (!pool.contains(source) || !fleet.guest(g).state().isActive()) {
                continue;
            }
            Map<String, List<String>> blocked = new LinkedHashMap<>();
            for (int h : pool) {
                if (h != source && !engine.allowed(g, h)) {
                    Verdict verdict = engine.check(g, h);
                    blocked.put(fleet.hostName(h), new ArrayList<>(new LinkedHashSet<>(
                            verdict.violations().stream().map(Violation::ruleId).toList())));
                }
            }
            if (!blocked.isEmpty()) {
                stuck.add(new StuckGuest(fleet.guest(g).name(), fleet.hostName(source), blocked));
            }
        }
        return new Report(names, baseline, features, holdBacks, stuck);
    }

    private static String cpuXml(Host host) {
        return CpuXml.hostCpu(host.capabilities().cpu());
    }
}
