package io.drover.compat;

import io.drover.model.SnapshotHost;
import java.util.List;
import java.util.function.Function;

/** One rule over a small snapshot: checks that its fast and full answers agree, and returns the full one. */
final class RuleHarness {

    final FleetIndex fleet;
    final CompatibilityRule rule;

    RuleHarness(Function<FleetIndex, CompatibilityRule> factory, CompatibilityPolicy policy, SnapshotHost... hosts) {
        fleet = new FleetIndex(Fixtures.snapshot(hosts), policy, Fixtures.CPU_MAP, StorageFacts.UNKNOWN);
        rule = factory.apply(fleet);
    }

    RuleHarness(Function<FleetIndex, CompatibilityRule> factory, SnapshotHost... hosts) {
        this(factory, CompatibilityPolicy.defaults(), hosts);
    }

    /** The findings for the first guest (of the first host) to the named host. */
    Findings explain(String destination) {
        return explain(0, destination);
    }

    Findings explain(int guest, String destination) {
        int host = fleet.hostId(destination).orElseThrow();
        Findings findings = new Findings();
        rule.explain(guest, host, findings);
        boolean allowed = rule.allows(guest, host);
        if (allowed != findings.violations().isEmpty()) {
            throw new AssertionError(rule.id() + ": allows()=" + allowed + " but explain() found "
                    + findings.violations());
        }
        return findings;
    }

    static List<String> reasons(Findings findings) {
        return findings.violations().stream().map(Violation::reason).toList();
    }
}
