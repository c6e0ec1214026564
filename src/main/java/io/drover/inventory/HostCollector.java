package io.drover.inventory;

import java.time.Duration;
import io.drover.libvirt.BlockingCalls;
import io.drover.model.Secrets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects one host within a deadline. libvirt calls block in native code and cannot be interrupted, so each host is
 * read on a daemon thread: a host that hangs is recorded as failed when its time is up, and its thread is left
 * behind rather than holding up the fleet.
 */
public final class HostCollector {

    private static final Logger log = LoggerFactory.getLogger(HostCollector.class);

    private final HostReader liveReader;
    private final HostReader dumpReader;
    private final HostInventoryAssembler assembler;
    private final Duration hostTimeout;
    private final ExecutorService readers = BlockingCalls.newDaemonPool("host-reader");

    public HostCollector(HostReader liveReader, HostReader dumpReader, HostInventoryAssembler assembler,
            Duration hostTimeout) {
        this.liveReader = liveReader;
        this.dumpReader = dumpReader;
        this.assembler = assembler;
        this.hostTimeout = hostTimeout;
    }

    public HostOutcome collect(HostSource source) {
        HostReader reader = source.isDump() ? dumpReader : liveReader;
        Future<HostInventory> reading = readers.submit(() -> assembler.assemble(source, reader.read(source)));
        try {
            return new HostOutcome.Collected(source, reading.get(hostTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            reading.cancel(true);
            return failed(source, "no complete answer from " + Secrets.redact(source.uri()) + " within "
                    + hostTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return failed(source, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, "interrupted while collecting");
        }
    }

    private static HostOutcome failed(HostSource source, String error) {
        log.warn("Host {} ({}) not collected: {}", source.name(), source.origin(), error);
        return new HostOutcome.Failed(source, error);
    }
}
