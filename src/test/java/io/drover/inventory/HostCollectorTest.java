package io.drover.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.libvirt.LibvirtJavaConnector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostCollectorTest {

    private final HostCollector collector = new HostCollector(new LiveHostReader(new LibvirtJavaConnector()),
            new DumpHostReader(), new HostInventoryAssembler(), Duration.ofSeconds(2));

    private static HostSource host(String uri) {
        return new HostSource("kvm-x", uri, Map.of(), List.of(), List.of(), Optional.empty(), "fleet.yaml:3");
    }

    @Test
    void aHostThatAcceptsButNeverAnswersIsFailedAtItsDeadline() throws IOException {
        // A "libvirtd" on loopback that accepts the connection and then says nothing: libvirt's client would wait
        // for its handshake forever.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (IOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String uri = "qemu+tcp://127.0.0.1:" + silent.getLocalPort() + "/system";

            long started = System.nanoTime();
            HostOutcome outcome = collector.collect(host(uri));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(outcome).isInstanceOfSatisfying(HostOutcome.Failed.class, failed -> assertThat(failed.error())
                    .isEqualTo("no complete answer from " + uri + " within 2 s"));
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aRefusedConnectionFailsAtOnceWithLibvirtsReason() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        HostOutcome outcome = collector.collect(host("qemu+tcp://127.0.0.1:" + closedPort + "/system"));

        assertThat(outcome).isInstanceOfSatisfying(HostOutcome.Failed.class, failed -> assertThat(failed.error())
                .startsWith("connect on qemu+tcp://127.0.0.1:" + closedPort + "/system: ")
                .contains("Connection refused"));
    }
}
