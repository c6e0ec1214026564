package io.drover.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import io.drover.plan.Rebalance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanPreflightTest {

    private static Plan plan(PlanKind kind, List<String> hosts, Optional<Rebalance> rebalance) {
        PlannedMigration move = new PlannedMigration("web-1", UUID.randomUUID(), "kvm-2", "kvm-3", MigrationMode.LIVE,
                List.of(), ByteSize.ofMiB(1280), ByteSize.ZERO, 1, ByteSize.ZERO, Duration.ofSeconds(3), List.of());
        return new Plan("test", kind, 1, Instant.EPOCH, hosts, PlanLimits.DEFAULTS, CompatibilityPolicy.defaults(),
                Optional.empty(), List.of(new PlanPhase(1, List.of(), List.of(), List.of(new MigrationWave(1,
                        List.of(move))))), List.of(), rebalance, List.of());
    }

    @Test
    void aDrainInvolvesItsHostsThenEverySourceAndDestination() {
        assertThat(PlanPreflight.hostsInvolved(plan(PlanKind.DRAIN, List.of("kvm-2", "kvm-9"), Optional.empty())))
                .containsExactly("kvm-2", "kvm-9", "kvm-3");
    }

    @Test
    void aRebalanceOfTheWholeFleetInvolvesOnlyTheHostsItsMovesTouch() {
        Plan rebalance = plan(PlanKind.REBALANCE, List.of("kvm-1", "kvm-2", "kvm-3", "kvm-4"),
                Optional.of(new Rebalance(0.8, Optional.empty(), List.of(), List.of())));

        assertThat(PlanPreflight.hostsInvolved(rebalance)).containsExactly("kvm-2", "kvm-3");
    }
}
