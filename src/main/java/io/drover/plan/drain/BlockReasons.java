package io.drover.plan.drain;

import io.drover.compat.CapacityRule;
import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityRule;
import io.drover.compat.Findings;
import io.drover.compat.Violation;
import io.drover.plan.BlockReason;
import io.drover.plan.model.GuestPlacement;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a guest that must move cannot: every rule that refuses it somewhere, with how many hosts it refuses and what
 * would fix it, or, when some hosts are allowed, that none of them has room. Rules are asked host by host through
 * their fast path and explained once each, so a fleet of thousands of hosts answers in milliseconds.
 */
final class BlockReasons {

    static final String CAPACITY = CapacityRule.ID;
    static final String ANTI_AFFINITY = "anti-affinity";

    private BlockReasons() {
    }

    static List<BlockReason> of(CompatibilityEngine engine, GuestPlacement placement, List<Integer> keptHosts) {
        if (keptHosts.isEmpty()) {
            return List.of(new BlockReason("drain", "no host is left to receive guests: every host with facts is "
                    + "being emptied or is not up to date", "drain fewer hosts at once, or re-inventory"));
        }
        if (!placement.getCandidates().isEmpty() && placement.isInGroup()) {
            return List.of(new BlockReason(ANTI_AFFINITY, ("every host the rules allow either lacks room for %d MiB "
                    + "and %d vCPU or holds a guest of its anti-affinity groups %s (hosts allowed: %d)")
                    .formatted(placement.getMemoryMiB(), placement.getVcpus(), placement.getGroups(),
                            placement.getCandidates().size()),
                    "free capacity on a compatible host without a guest of the same group, or drain fewer hosts"));
        }
        if (!placement.getCandidates().isEmpty()) {
            return List.of(new BlockReason(CAPACITY, "no host the rules allow has room for %d MiB and %d vCPU (hosts allowed: %d)"
                    .formatted(placement.getMemoryMiB(), placement.getVcpus(), placement.getCandidates().size()),
                    "free capacity on a compatible host, drain fewer hosts at once, or raise the overcommit ratios"));
        }
        int guest = placement.getGuestIndex();
        List<BlockReason> reasons = new ArrayList<>();
        for (CompatibilityRule rule : engine.rules()) {
            if (rule.id().equals(CAPACITY)) {
                continue;
            }
            List<Integer> refusing = keptHosts.stream().filter(host -> !rule.allows(guest, host)).toList();
            if (!refusing.isEmpty()) {
                Findings findings = new Findings();
                rule.explain(guest, refusing.get(0), findings);
                for (Violation violation : findings.violations()) {
                    reasons.add(new BlockReason(violation.ruleId(), violation.reason() + refusedOn(refusing.size(),
                            keptHosts.size(), engine.fleet().hostName(refusing.get(0))), violation.fix()));
                }
            }
        }
        return reasons;
    }

    private static String refusedOn(int refusing, int kept, String example) {
        return refusing == 1 ? " (on " + example + ", the one host refusing)"
                : " (e.g. on " + example + "; %d of %d hosts refuse for this rule)".formatted(refusing, kept);
    }
}
