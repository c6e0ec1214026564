package io.drover.plan;

import io.drover.compat.CompatibilityPolicy;
import io.drover.model.ByteSize;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A reviewable migration plan, made from one snapshot. Immutable once written: its file carries a hash of this
 * content, and the executor refuses a plan whose content no longer matches it.
 *
 * @param hosts  the hosts the plan empties (drain, campaign) or relieves (rebalance), as requested
 * @param policy the overcommit ratios and overheads the plan was made with: capacity is checked against them
 */
public record Plan(String id, PlanKind kind, long snapshotId, Instant createdAt, List<String> hosts,
        PlanLimits limits, CompatibilityPolicy policy, List<PlanPhase> phases, List<BlockedGuest> blocked) {

    public Plan {
        hosts = List.copyOf(hosts);
        phases = List.copyOf(phases);
        blocked = List.copyOf(blocked);
    }

    public Stream<PlannedMigration> migrations() {
        return phases.stream().flatMap(phase -> phase.waves().stream()).flatMap(wave -> wave.migrations().stream());
    }

    public int waveCount() {
        return phases.stream().mapToInt(phase -> phase.waves().size()).sum();
    }

    public ByteSize memoryMoved() {
        return migrations().map(PlannedMigration::memory).reduce(ByteSize.ZERO, ByteSize::plus);
    }

    /** Waves run one after another, so the plan lasts as long as its waves added up. */
    public Duration estimatedDuration() {
        return phases.stream().flatMap(phase -> phase.waves().stream()).map(MigrationWave::estimatedDuration)
                .reduce(Duration.ZERO, Duration::plus);
    }
}
