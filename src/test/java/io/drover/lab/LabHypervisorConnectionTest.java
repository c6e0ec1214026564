package io.drover.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.libvirt.CpuComparison;
import io.drover.libvirt.DomainDescription;
import io.drover.libvirt.DomainState;
import io.drover.libvirt.HypervisorConnection;
import io.drover.libvirt.LibvirtErrorKind;
import io.drover.libvirt.LibvirtFailure;
import io.drover.libvirt.LibvirtJavaConnector;
import io.drover.model.PowerState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The libvirt adapter's JNA bindings against a real libvirtd + QEMU host of the lab. */
@Tag(LabFleet.TAG)
class LabHypervisorConnectionTest {

    private static final String TCG_GUEST_CPU = """
            <cpu mode='custom' match='exact'><model fallback='forbid'>qemu64</model></cpu>""";

    private HypervisorConnection connection;
    private String guest;

    @BeforeEach
    void connect() {
        connection = new LibvirtJavaConnector().open(LabFleet.uri(1));
        guest = connection.domains().stream().filter(domain -> domain.state() == PowerState.RUNNING)
                .map(DomainDescription::name).findFirst().orElseThrow();
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void reportsQemusVersionNotTheLibrarys() {
        assertThat(connection.hypervisorVersion().major()).isEqualTo(7);
        assertThat(connection.libvirtVersion().major()).isEqualTo(9);
    }

    @Test
    void domainStateCarriesTheReasonVirshReports() throws Exception {
        // Whether the guest was booted here or migrated here depends on the tests before: ask virsh for the truth.
        Process virsh = new ProcessBuilder("virsh", "-c", LabFleet.uri(1), "domstate", "--reason", guest)
                .redirectErrorStream(true).start();
        String reported = new String(virsh.getInputStream().readAllBytes()).trim();
        assertThat(virsh.waitFor()).isZero();
        int reason = switch (reported) {
            case "running (booted)" -> 1;
            case "running (migrated)" -> DomainState.RUNNING_MIGRATED;
            default -> throw new AssertionError("unexpected virsh domstate: " + reported);
        };

        assertThat(connection.domainState(guest)).contains(new DomainState(PowerState.RUNNING, reason));
    }

    @Test
    void domainCapabilitiesDifferByDomainType() {
        assertThat(connection.domainCapabilitiesXml("qemu")).hasValueSatisfying(xml ->
                assertThat(xml).contains("<domain>qemu</domain>"));
        assertThat(connection.domainCapabilitiesXml("kvm")).hasValueSatisfying(xml ->
                assertThat(xml).contains("<domain>kvm</domain>"));
    }

    @Test
    void migrationSpeedAndDowntimeAreSetAndReadBack() {
        long originalSpeed = connection.migrationMaxSpeed(guest);
        connection.setMigrationMaxSpeed(guest, 64);
        try {
            assertThat(connection.migrationMaxSpeed(guest)).isEqualTo(64);
        } finally {
            connection.setMigrationMaxSpeed(guest, originalSpeed);
        }
        connection.setMigrationMaxDowntime(guest, 250);
        assertThat(connection.migrationMaxDowntime(guest)).isEqualTo(250);
    }

    @Test
    void withNoMigrationRunningJobStatsAreEmptyAndPostCopyIsRefused() {
        assertThat(connection.jobStats(guest)).containsEntry("type", "0"); // VIR_DOMAIN_JOB_NONE
        assertThatThrownBy(() -> connection.startPostCopy(guest))
                .isInstanceOfSatisfying(LibvirtFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(LibvirtErrorKind.INVALID_STATE));
    }

    @Test
    void hypervisorCpuCallsAnswerPerDomainType() {
        // Measured on this machine: KVM's CPU (nested, AMD) lacks some of qemu64's features; TCG emulates them all.
        assertThat(connection.compareHypervisorCpu("kvm", TCG_GUEST_CPU)).isEqualTo(CpuComparison.INCOMPATIBLE);
        assertThat(connection.compareHypervisorCpu("qemu", TCG_GUEST_CPU)).isEqualTo(CpuComparison.SUPERSET);
        assertThat(connection.baselineHypervisorCpu("qemu", List.of(TCG_GUEST_CPU))).contains("qemu64");
    }
}
