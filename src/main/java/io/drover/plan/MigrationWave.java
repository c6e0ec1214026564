package io.drover.plan;

import java.time.Duration;
import java.util.List;

/**
 * Migrations that run at the same time. A wave starts when the previous one has finished; within it, per-host and
 * fleet limits hold, and every destination has room for its incoming guests while their sources still hold them.
 */
public record MigrationWave(int number, List<PlannedMigration> migrations) {

    public MigrationWave {
        migrations = List.copyOf(migrations);
    }

    /** The wave lasts as long as its longest migration. */
    public Duration estimatedDuration() {
        return migrations.stream().map(PlannedMigration::estimatedDuration).max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }
}
