package io.drover.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.PowerState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against libvirt's in-process test driver: real libvirt.so, no daemon. */
class LibvirtJavaConnectionTest {

    private static final String HOST_CPU = """
            <cpu><arch>x86_64</arch><model>Skylake-Client</model><vendor>Intel</vendor></cpu>""";
    private static final String OLDER_HOST_CPU = """
            <cpu><arch>x86_64</arch><model>SandyBridge</model><vendor>Intel</vendor></cpu>""";

    private final LibvirtConnector connector = new LibvirtJavaConnector();
    private HypervisorConnection connection;

    @BeforeEach
    void connect() {
        connection = connector.open("test:///default");
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void readsHostFactsAndDomainsWithTheirStates() {
        assertThat(connection.capabilitiesXml()).contains("<capabilities>");
        assertThat(connection.libvirtVersion().major()).isGreaterThanOrEqualTo(9);
        assertThat(connection.capacity().logicalCpus()).isEqualTo(16);
        assertThat(connection.domains())
                .singleElement()
                .satisfies(domain -> {
                    assertThat(domain.name()).isEqualTo("test");
                    assertThat(domain.state()).isEqualTo(PowerState.RUNNING);
                    assertThat(domain.xml()).contains("<name>test</name>");
                });
    }

    @Test
    void domainStateComesWithItsReasonThroughJna() throws LibvirtException {
        // test:///default is one shared in-process driver: pausing through a second connection shows on ours.
        Connect other = new Connect("test:///default");
        Domain domain = other.domainLookupByName("test");
        domain.suspend();
        try {
            assertThat(connection.domainState("test"))
                    .contains(new DomainState(PowerState.PAUSED, 1)); // VIR_DOMAIN_PAUSED_USER
        } finally {
            domain.resume();
            domain.free();
            other.close();
        }
        assertThat(connection.domainState("no-such-guest")).isEmpty();
    }

    @Test
    void baselinesHostCpusOffline() {
        assertThat(connection.baselineCpu(List.of(HOST_CPU, OLDER_HOST_CPU)))
                .contains("<model fallback='allow'>SandyBridge</model>");
    }

    @Test
    void callsTheTestDriverLacksAreClassifiedUnsupported() {
        assertThat(connection.domainCapabilitiesXml("test")).isEmpty();
        assertThatThrownBy(() -> connection.compareHypervisorCpu("test", HOST_CPU))
                .isInstanceOfSatisfying(LibvirtFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(LibvirtErrorKind.UNSUPPORTED))
                .hasMessageContaining("test:///default");
    }

    @Test
    void migrationEventsAreWatchedAndUnwatchedThroughJna() {
        List<Integer> iterations = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void iteration(int iteration) {
                iterations.add(iteration);
            }

            @Override
            public void completed(Map<String, String> stats) {
                iterations.add(-1);
            }
        };

        // The test driver accepts the registrations (and never migrates): both must register and deregister.
        connection.watchMigration("test", listener).close();
        connection.watchMigration("test", listener).close();

        assertThat(iterations).isEmpty();
        assertThatThrownBy(() -> connection.watchMigration("no-such-guest", listener))
                .isInstanceOf(LibvirtFailure.class).hasMessageContaining("no-such-guest");
    }

    @Test
    void anUnknownTransportIsAClearFailureNamingTheUri() {
        assertThatThrownBy(() -> connector.open("bogus+tcp://127.0.0.1/system"))
                .isInstanceOf(LibvirtFailure.class)
                .hasMessageStartingWith("connect on bogus+tcp://127.0.0.1/system:");
    }
}
