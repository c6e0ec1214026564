package io.drover.libvirt;

import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's default event loop on one daemon thread. A remote connection delivers events only when the loop was
 * registered before the connection was opened, so the connector starts it before its first connection.
 */
final class LibvirtEventLoop {

    private static final Logger log = LoggerFactory.getLogger(LibvirtEventLoop.class);

    private LibvirtEventLoop() {
    }

    static void start() throws LibvirtException {
        Library.initEventLoop();
        Thread loop = new Thread(LibvirtEventLoop::run, "libvirt-events");
        loop.setDaemon(true);
        loop.start();
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
