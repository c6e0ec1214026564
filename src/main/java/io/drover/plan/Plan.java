package io.drover.plan;

import io.drover.compat.CompatibilityPolicy;
import io.drover.model.ByteSize;
import io.drover.model.UpgradeTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A reviewable migration plan, made from one snapshot. Immutable once written: its file carries a hash of this
 * content, and the executor refuses a plan whose content no longer matches it.
 *
 * @param hosts  the hosts the plan empties (drain, campaign) or relieves (rebalance), as requested
 * @param policy    the overcommit ratios and overheads the plan was made with: capacity is checked against them
 * @param upgradeTo for upgrade campaigns, the versions a phase's {@code hostsToUpgrade} run once it is done
 * @param rebalance    for rebalances, the load threshold and which hosts are over it before and after
 * @param antiAffinity groups of guests the plan keeps on distinct hosts, in every wave
 */
public record Plan(String id, PlanKind kind, long snapshotId, Instant createdAt, List<String> hosts,
        PlanLimits limits, CompatibilityPolicy policy, Optional<UpgradeTarget> upgradeTo, List<PlanPhase> phases,
        List<BlockedGuest> blocked, Optional<Rebalance> rebalance, List<AntiAffinityGroup> antiAffinity) {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    public Plan {
        hosts = List.copyOf(hosts);
        phases = List.copyOf(phases);
        blocked = List.copyOf(blocked);
        antiAffinity = List.copyOf(antiAffinity);
    }

    /** {@code drain-12-20261125-224938}: kind, snapshot, UTC time. */
    public static String id(PlanKind kind, long snapshotId, Instant createdAt) {
        String prefix = kind == PlanKind.UPGRADE_CAMPAIGN ? "campaign" : kind.name().toLowerCase(Locale.ROOT);
        return prefix + "-" + snapshotId + "-" + ID_TIME.format(createdAt);
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

    /** What the plan's block copies move, as far as the snapshot knows disk sizes. */
    public ByteSize diskCopied() {
        return migrations().map(PlannedMigration::diskCopy).reduce(ByteSize.ZERO, ByteSize::plus);
    }

    /** Waves run one after another, so the plan lasts as long as its waves added up. */
    public Duration estimatedDuration() {
        return phases.stream().flatMap(phase -> phase.waves().stream()).map(MigrationWave::estimatedDuration)
                .reduce(Duration.ZERO, Duration::plus);
    }
}
