package io.drover.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.execute.Whereabouts.Place;
import io.drover.libvirt.DomainState;
import io.drover.model.PowerState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reconciliation decisions, from the states libvirt reports during and after a migration (lab-notes.md). */
class WhereaboutsTest {

    private static final Optional<DomainState> RUNNING_BOOTED = Optional.of(new DomainState(PowerState.RUNNING, 1));
    private static final Optional<DomainState> RUNNING_MIGRATED = Optional.of(
            new DomainState(PowerState.RUNNING, DomainState.RUNNING_MIGRATED));
    private static final Optional<DomainState> PAUSED_MIGRATING = Optional.of(
            new DomainState(PowerState.PAUSED, DomainState.PAUSED_MIGRATION));
    private static final Optional<DomainState> SHUTOFF_MIGRATED = Optional.of(
            new DomainState(PowerState.SHUTOFF, DomainState.SHUTOFF_MIGRATED));
    private static final Optional<DomainState> UNDEFINED = Optional.empty();

    private static Whereabouts where(Optional<DomainState> source, Optional<DomainState> destination,
            Optional<DomainState> other, boolean sourceJob) {
        Map<String, Optional<DomainState>> states = new LinkedHashMap<>();
        states.put("src", source);
        states.put("dst", destination);
        states.put("other", other);
        return Whereabouts.of("src", "dst", states, sourceJob, Map.of());
    }

    @Test
    void aDestinationThatDoesNotAnswerLeavesAGuestRunningOnItsSourceWithoutAJobOnItsSource() {
        Map<String, Optional<DomainState>> states = new LinkedHashMap<>();
        states.put("src", RUNNING_BOOTED);
        Whereabouts where = Whereabouts.of("src", "dst", states, false, Map.of("dst", "Connection refused"));
        assertThat(where.place()).isEqualTo(Place.ON_SOURCE);
        assertThat(where.detail()).contains("src: running", "dst did not answer: Connection refused");
        // paused on the source (it may have switched over) or gone from it: only the destination could tell
        states.put("src", PAUSED_MIGRATING);
        assertThat(Whereabouts.of("src", "dst", states, false, Map.of("dst", "refused")).place())
                .isEqualTo(Place.IN_FLIGHT);
        states.put("src", SHUTOFF_MIGRATED);
        assertThat(Whereabouts.of("src", "dst", states, false, Map.of("dst", "refused")).place())
                .isEqualTo(Place.UNKNOWN);
        // a source that does not answer settles nothing
        assertThat(Whereabouts.of("src", "dst", Map.of("dst", RUNNING_MIGRATED), false, Map.of("src", "refused"))
                .place()).isEqualTo(Place.UNKNOWN);
    }

    @Test
    void afterAPeerToPeerMigrationWithUndefineSourceTheGuestIsOnItsDestination() {
        Whereabouts where = where(UNDEFINED, RUNNING_MIGRATED, UNDEFINED, false);
        assertThat(where.place()).isEqualTo(Place.ON_DESTINATION);
        assertThat(where.hosts()).containsExactly("dst");
        assertThat(where.detail()).contains("dst: running (migrated)", "src: undefined");
    }

    @Test
    void aSourceLeftShutOffMigratedStillCountsAsOnDestination() {
        assertThat(where(SHUTOFF_MIGRATED, RUNNING_MIGRATED, UNDEFINED, false).place())
                .isEqualTo(Place.ON_DESTINATION);
    }

    @Test
    void duringAMigrationTheDestinationHoldsItPausedAndTheSourceRunsAJob() {
        assertThat(where(RUNNING_BOOTED, PAUSED_MIGRATING, UNDEFINED, true).place()).isEqualTo(Place.IN_FLIGHT);
        // the destination's paused incoming domain alone says so, even when the job answer was missed
        assertThat(where(RUNNING_BOOTED, PAUSED_MIGRATING, UNDEFINED, false).place()).isEqualTo(Place.IN_FLIGHT);
        // a job on the source alone (e.g. before the destination domain exists)
        assertThat(where(RUNNING_BOOTED, UNDEFINED, UNDEFINED, true).place()).isEqualTo(Place.IN_FLIGHT);
    }

    @Test
    void onTheSourceWithoutAJobTheMoveMayBeRetried() {
        Whereabouts where = where(RUNNING_BOOTED, UNDEFINED, UNDEFINED, false);
        assertThat(where.place()).isEqualTo(Place.ON_SOURCE);
        assertThat(where.hosts()).containsExactly("src");
    }

    @Test
    void activeOnTwoHostsIsNeverTakenForEitherPlace() {
        Whereabouts where = where(RUNNING_BOOTED, RUNNING_MIGRATED, UNDEFINED, false);
        assertThat(where.place()).isEqualTo(Place.RUNNING_TWICE);
        assertThat(where.hosts()).containsExactly("dst", "src");
    }

    @Test
    void onAThirdHostOrNowhere() {
        assertThat(where(UNDEFINED, UNDEFINED, RUNNING_BOOTED, false).place()).isEqualTo(Place.ELSEWHERE);
        assertThat(where(SHUTOFF_MIGRATED, UNDEFINED, UNDEFINED, false).place()).isEqualTo(Place.NOWHERE);
        // paused by someone on the destination: not verified
        assertThat(where(UNDEFINED, Optional.of(new DomainState(PowerState.PAUSED, 1)), UNDEFINED, false).place())
                .isNotEqualTo(Place.ON_DESTINATION);
    }
}
