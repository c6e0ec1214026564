package org.libvirt;

import com.sun.jna.Pointer;

/**
 * The one class Drover places in libvirt-java's package: libvirt-java keeps its raw {@code virConnectPtr} and
 * {@code virDomainPtr} and its error translation package-private, and Drover's JNA bindings for the calls
 * libvirt-java lacks need both. Nothing else belongs here.
 */
public final class DroverBridge {

    private DroverBridge() {
    }

    public static Pointer connectionPointer(Connect connect) {
        return connect.vcp.getPointer();
    }

    public static Pointer domainPointer(Domain domain) {
        return domain.vdp.getPointer();
    }

    /** Throws libvirt's last error, as libvirt-java does, when a native call returned -1. */
    public static int checkResult(int result) throws LibvirtException {
        return ErrorHandler.processError(result);
    }

    /** Throws libvirt's last error when a native call returned NULL. */
    public static Pointer checkPointer(Pointer result) throws LibvirtException {
        return ErrorHandler.processError(result);
    }

    /** Frees memory that libvirt allocated and handed to the caller. */
    public static void free(Pointer pointer) {
        Library.free(pointer);
    }
}
