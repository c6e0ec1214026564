package io.drover.plan.wave;

import io.drover.plan.MigrationWave;
import io.drover.plan.PlannedMigration;
import java.util.List;

/**
 * Moves ordered into waves, and the moves no wave could take (a destination that never has room while its guests
 * are still leaving: a cycle that needs a temporary host, or a destination already full).
 */
public record WaveSchedule(List<MigrationWave> waves, List<PlannedMigration> unscheduled) {

    public WaveSchedule {
        waves = List.copyOf(waves);
        unscheduled = List.copyOf(unscheduled);
    }
}
