package io.drover.libvirt;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;

/**
 * Opens {@link LibvirtJavaConnection}s. Once per process, first: installs libvirt's error callback so libvirt stops
 * printing to stderr, and starts libvirt's event loop so connections can deliver events.
 */
public final class LibvirtJavaConnector implements LibvirtConnector {

    // Kept in a static field: JNA callbacks must stay strongly reachable for as long as libvirt may call them.
    private static final Libvirt.VirErrorCallback SILENT = (userData, error) -> { };

    static {
        try {
            Connect.setErrorCallback(SILENT);
            LibvirtEventLoop.start();
        } catch (LibvirtException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public HypervisorConnection open(String uri) {
        try {
            return new LibvirtJavaConnection(uri, new Connect(uri));
        } catch (LibvirtException e) {
            throw LibvirtJavaConnection.failure(uri, "connect", e);
        }
    }
}
