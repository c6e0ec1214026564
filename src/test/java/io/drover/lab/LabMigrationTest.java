package io.drover.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.libvirt.DomainState;
import io.drover.libvirt.EventSubscription;
import io.drover.libvirt.HypervisorConnection;
import io.drover.libvirt.LibvirtErrorKind;
import io.drover.libvirt.LibvirtFailure;
import io.drover.libvirt.LibvirtJavaConnector;
import io.drover.libvirt.MigrationFlag;
import io.drover.libvirt.MigrationListener;
import io.drover.libvirt.MigrationRequest;
import io.drover.model.PowerState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real peer-to-peer migrations between lab hosts through the adapter. */
@Tag(LabFleet.TAG)
class LabMigrationTest {

    private static final Set<MigrationFlag> LIVE_P2P = EnumSet.of(MigrationFlag.LIVE, MigrationFlag.PEER_TO_PEER,
            MigrationFlag.PERSIST_DEST, MigrationFlag.UNDEFINE_SOURCE);

    private final LibvirtJavaConnector connector = new LibvirtJavaConnector();

    /** The lab host (1..3) the guest runs on now. */
    private int hostRunning(String guest) {
        return IntStream.rangeClosed(1, 3).filter(host -> {
            try (HypervisorConnection connection = connector.open(LabFleet.uri(host))) {
                return connection.domainState(guest).map(state -> state.state() == PowerState.RUNNING).orElse(false);
            }
        }).findFirst().orElseThrow(() -> new AssertionError(guest + " runs on no lab host"));
    }

    private void migrate(String guest, int from, int to, Set<MigrationFlag> flags, OptionalLong bandwidth) {
        try (HypervisorConnection source = connector.open(LabFleet.uri(from))) {
            source.migrate(guest, new MigrationRequest(LabFleet.uri(to), flags, bandwidth));
        }
    }

    @Test
    void liveMigratesASharedStorageGuestAwayAndBackLeavingItDefinedOnce() {
        String guest = "lab-firmware";
        int home = hostRunning(guest);
        int away = home % 3 + 1;

        migrate(guest, home, away, LIVE_P2P, OptionalLong.empty());

        try (HypervisorConnection source = connector.open(LabFleet.uri(home));
                HypervisorConnection destination = connector.open(LabFleet.uri(away))) {
            assertThat(destination.domainState(guest))
                    .contains(new DomainState(PowerState.RUNNING, DomainState.RUNNING_MIGRATED));
            assertThat(source.domainState(guest)).isEmpty();
        }
        migrate(guest, away, home, LIVE_P2P, OptionalLong.of(512));
        assertThat(hostRunning(guest)).isEqualTo(home);
    }

    @Test
    void theSourcePushesEachMemoryPassAndTheCompletedJobsStatistics() throws Exception {
        String guest = "lab-firmware";
        int home = hostRunning(guest);
        int away = home % 3 + 1;
        List<Integer> passes = new CopyOnWriteArrayList<>();
        CompletableFuture<Map<String, String>> completed = new CompletableFuture<>();

        try (HypervisorConnection source = connector.open(LabFleet.uri(home));
                EventSubscription events = source.watchMigration(guest, new MigrationListener() {
                    @Override
                    public void iteration(int iteration) {
                        passes.add(iteration);
                    }

                    @Override
                    public void completed(Map<String, String> stats) {
                        completed.complete(stats);
                    }
                })) {
            source.migrate(guest, new MigrationRequest(LabFleet.uri(away), LIVE_P2P, OptionalLong.of(64)));
            Map<String, String> stats = completed.get(30, TimeUnit.SECONDS);

            assertThat(passes).isNotEmpty().isSorted();
            assertThat(Long.parseLong(stats.get("downtime"))).isPositive();
            assertThat(Long.parseLong(stats.get("memory_processed"))).isPositive();
        } finally {
            migrate(guest, away, home, LIVE_P2P, OptionalLong.of(512));
        }
    }

    @Test
    void aLocalDiskWithoutBlockCopyIsRefusedAndTheGuestKeepsRunning() {
        String guest = "lab-local";
        int home = hostRunning(guest);

        assertThatThrownBy(() -> migrate(guest, home, home % 3 + 1, LIVE_P2P, OptionalLong.of(512)))
                .isInstanceOfSatisfying(LibvirtFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(LibvirtErrorKind.INCOMPATIBLE);
                    assertThat(failure.code()).isEqualTo(81); // VIR_ERR_MIGRATE_UNSAFE
                })
                .hasMessageContaining("Migration without shared storage is unsafe");
        assertThat(hostRunning(guest)).isEqualTo(home);
    }
}
