package io.drover.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MigrationMetricsTest {

    private final DroverMetrics metrics = new DroverMetrics();
    private final MigrationMetrics listener = new MigrationMetrics(metrics);

    private static MoveRecord move(int seq, MoveState state, Optional<String> stats) {
        return new MoveRecord(7, seq, 1, 1, "vm-" + seq, UUID.randomUUID(), "kvm-1", "kvm-2", "LIVE", state, 1, stats,
                Optional.empty(), Instant.parse("2026-11-26T03:00:00Z").plusSeconds(seq));
    }

    @Test
    void aVerifiedMigrationIsCountedWithLibvirtsFigures() {
        listener.moveChanged(move(1, MoveState.PREFLIGHT_OK, Optional.empty()));
        listener.moveChanged(move(1, MoveState.MIGRATING, Optional.empty()));
        assertThat(metrics.scrape()).contains("drover_migrations_in_flight 1.0");

        listener.moveChanged(move(1, MoveState.VERIFIED, Optional.of(
                "{\"time_elapsed\": 3200, \"downtime\": 78, \"data_processed\": 85773619}")));

        assertThat(metrics.scrape()).contains("drover_migrations_in_flight 0.0",
                "drover_migrations_total{mode=\"LIVE\",result=\"VERIFIED\"} 1.0",
                "drover_migration_seconds_sum{result=\"VERIFIED\"} 3.2",
                "drover_migration_downtime_seconds_sum 0.078",
                "drover_migration_transferred_bytes_total 8.5773619E7");
    }

    @Test
    void aMoveThatNeverMigratedHereCountsNothing() {
        // e.g. a move a killed run left MIGRATING, settled by reconciliation in this run
        listener.moveChanged(move(2, MoveState.VERIFIED, Optional.empty()));
        listener.moveChanged(move(3, MoveState.FAILED, Optional.empty()));

        assertThat(metrics.scrape()).doesNotContain("drover_migrations_total");
    }

    @Test
    void aMigrationSentBackToPendingLeavesTheInFlightGauge() {
        listener.moveChanged(move(4, MoveState.MIGRATING, Optional.empty()));
        listener.moveChanged(move(4, MoveState.PENDING, Optional.empty()));

        assertThat(metrics.scrape()).contains("drover_migrations_in_flight 0.0")
                .doesNotContain("drover_migrations_total");
    }
}
