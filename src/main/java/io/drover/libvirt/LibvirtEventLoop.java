package io.drover.libvirt;

import java.time.Duration;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's default event loop on one daemon thread. A remote connection delivers events only when the loop was
 * registered before the connection was opened, so the connector starts it before its first connection.
 *
 * <p>The loop is stopped when the JVM shuts down: a thread blocked in native code (the loop's poll) makes the JVM's
 * exit wait about 300 ms for it to leave (HotSpot's {@code VM_Exit::wait_for_threads_in_native_to_block}), a tenth
 * of a short command such as {@code drover apply --dry-run}.
 */
final class LibvirtEventLoop {

    private static final Logger log = LoggerFactory.getLogger(LibvirtEventLoop.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(1);

    private LibvirtEventLoop() {
    }

    static void start() throws LibvirtException {
        Library.initEventLoop();
        Thread loop = new Thread(LibvirtEventLoop::run, "libvirt-events");
        loop.setDaemon(true);
        loop.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(loop), "libvirt-events-stop"));
    }

    /** Wakes the loop out of its poll (libvirt-java adds a timer that fires at once) and waits for it to return. */
    private static void stop(Thread loop) {
        try {
            Library.stopEventLoop();
            loop.join(STOP_WAIT.toMillis());
        } catch (LibvirtException e) {
            log.debug("libvirt event loop not stopped: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        try {
            Library.runEventLoop();
        } catch (LibvirtException e) {
            // Migrations still complete and are still watched through job statistics; only their events stop.
            log.warn("libvirt event loop stopped: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
