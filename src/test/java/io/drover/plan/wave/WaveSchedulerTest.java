package io.drover.plan.wave;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import io.drover.plan.AntiAffinity;
import io.drover.plan.AntiAffinityGroup;
import io.drover.plan.MigrationWave;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlannedMigration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WaveSchedulerTest {

    private static final long GIB = ByteSize.ofGiB(1).bytes();

    private static PlannedMigration move(String guest, String from, String to, int gib, int seconds) {
        return new PlannedMigration(guest, UUID.nameUUIDFromBytes(guest.getBytes()), from, to, MigrationMode.LIVE,
                List.of(), ByteSize.ofGiB(gib), ByteSize.ZERO, 2, ByteSize.ZERO, Duration.ofSeconds(seconds), List.of());
    }

    private static List<List<String>> guestsPerWave(WaveSchedule schedule) {
        return schedule.waves().stream()
                .map(wave -> wave.migrations().stream().map(PlannedMigration::guest).toList())
                .toList();
    }

    @Test
    void oneOutboundPerHostSpreadsAHostsGuestsOverWavesLongestFirst() {
        WaveScheduler scheduler = new WaveScheduler(new PlanLimits(1, 2, 16, 1024));
        List<PlannedMigration> moves = List.of(move("a", "h1", "h2", 1, 10), move("b", "h1", "h3", 1, 30),
                move("c", "h4", "h3", 1, 20));

        WaveSchedule schedule = scheduler.schedule(moves, List.of(new HostRoom("h2", 8 * GIB, 8),
                new HostRoom("h3", 8 * GIB, 8)), 1);

        assertThat(guestsPerWave(schedule)).containsExactly(List.of("b", "c"), List.of("a"));
        assertThat(schedule.waves()).extracting(MigrationWave::number).containsExactly(1, 2);
        assertThat(schedule.waves().get(0).estimatedDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.unscheduled()).isEmpty();
    }

    @Test
    void inboundAndFleetLimitsHold() {
        WaveScheduler scheduler = new WaveScheduler(new PlanLimits(4, 1, 2, 1024));
        List<PlannedMigration> moves = List.of(move("a", "h1", "h9", 1, 10), move("b", "h2", "h9", 1, 10),
                move("c", "h3", "h8", 1, 10), move("d", "h4", "h7", 1, 10));

        WaveSchedule schedule = scheduler.schedule(moves, List.of(new HostRoom("h7", 8 * GIB, 8),
                new HostRoom("h8", 8 * GIB, 8), new HostRoom("h9", 8 * GIB, 8)), 1);

        assertThat(guestsPerWave(schedule)).containsExactly(List.of("a", "c"), List.of("b", "d"));
    }

    @Test
    void aDestinationTakesOnlyWhatFitsWhileSourcesStillHoldTheirGuests() {
        // h2 has room for one 4 GiB guest; the second can only come after the first has left... nothing leaves h2,
        // so it waits for a swap partner: x leaves h2 for h1 in wave 1, freeing room for y in wave 2.
        WaveScheduler scheduler = new WaveScheduler(new PlanLimits(2, 2, 16, 1024));
        List<PlannedMigration> moves = List.of(move("y", "h1", "h2", 4, 20), move("x", "h2", "h1", 4, 10));

        WaveSchedule schedule = scheduler.schedule(moves, List.of(new HostRoom("h1", 4 * GIB, 8),
                new HostRoom("h2", 0, 8)), 1);

        assertThat(guestsPerWave(schedule)).containsExactly(List.of("x"), List.of("y"));
    }

    @Test
    void aSwapBetweenTwoFullHostsCannotBeScheduledAndIsReported() {
        WaveScheduler scheduler = new WaveScheduler(PlanLimits.DEFAULTS);
        List<PlannedMigration> moves = List.of(move("y", "h1", "h2", 4, 20), move("x", "h2", "h1", 4, 10));

        WaveSchedule schedule = scheduler.schedule(moves, List.of(new HostRoom("h1", 0, 8),
                new HostRoom("h2", 0, 8)), 1);

        assertThat(schedule.waves()).isEmpty();
        assertThat(schedule.unscheduled()).extracting(PlannedMigration::guest).containsExactly("y", "x");
    }

    @Test
    void aGuestWaitsUntilAGuestOfItsGroupHasLeftItsDestination() {
        // db-1 goes to h2, which db-2 leaves for h3: in the same wave both would be on h2 at once.
        WaveScheduler scheduler = new WaveScheduler(PlanLimits.DEFAULTS);
        AntiAffinity groups = new AntiAffinity(List.of(new AntiAffinityGroup("db", List.of("db-1", "db-2"))));
        List<PlannedMigration> moves = List.of(move("db-1", "h1", "h2", 1, 20), move("db-2", "h2", "h3", 1, 10),
                move("web-1", "h4", "h2", 1, 30));

        WaveSchedule schedule = scheduler.schedule(moves, List.of(new HostRoom("h2", 8 * GIB, 8),
                new HostRoom("h3", 8 * GIB, 8)), GroupPresence.of(Map.of("db-1", "h1", "db-2", "h2"), groups), 1);

        assertThat(guestsPerWave(schedule)).containsExactly(List.of("web-1", "db-2"), List.of("db-1"));
    }

    @Test
    void twoGuestsOfAGroupNeverArriveOnOneHostInTheSameWave() {
        WaveScheduler scheduler = new WaveScheduler(PlanLimits.DEFAULTS);
        AntiAffinity groups = new AntiAffinity(List.of(new AntiAffinityGroup("db", List.of("db-1", "db-2"))));
        List<PlannedMigration> moves = List.of(move("db-1", "h1", "h3", 1, 20), move("db-2", "h2", "h3", 1, 10));

        WaveSchedule schedule = scheduler.schedule(moves, List.of(new HostRoom("h3", 8 * GIB, 8)),
                GroupPresence.of(Map.of("db-1", "h1", "db-2", "h2"), groups), 1);

        // The planner never asks for this (their final hosts clash); the scheduler still refuses the second.
        assertThat(guestsPerWave(schedule)).containsExactly(List.of("db-1"));
        assertThat(schedule.unscheduled()).extracting(PlannedMigration::guest).containsExactly("db-2");
    }
}
