package io.drover.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.NativeLongByReference;

/**
 * JNA bindings for the libvirt calls libvirt-java 0.5.4 lacks (all present in libvirt 9.0). Type mapping:
 * {@code unsigned int} → int, {@code unsigned long} → NativeLong, {@code unsigned long long} → long; strings libvirt
 * hands to the caller come back as {@link Pointer} so they can be freed.
 */
interface LibvirtNative extends Library {

    LibvirtNative INSTANCE = Native.load("virt", LibvirtNative.class);

    Pointer virConnectGetDomainCapabilities(Pointer conn, String emulatorBin, String arch, String machine,
            String virtType, int flags);

    Pointer virConnectBaselineHypervisorCPU(Pointer conn, String emulator, String arch, String machine,
            String virtType, String[] xmlCpus, int ncpus, int flags);

    int virConnectCompareHypervisorCPU(Pointer conn, String emulator, String arch, String machine, String virtType,
            String xmlCpu, int flags);

    int virDomainGetState(Pointer domain, IntByReference state, IntByReference reason, int flags);

    int virDomainMigrateSetMaxSpeed(Pointer domain, NativeLong bandwidthMiBs, int flags);

    int virDomainMigrateGetMaxSpeed(Pointer domain, NativeLongByReference bandwidthMiBs, int flags);

    int virDomainMigrateGetMaxDowntime(Pointer domain, LongByReference downtimeMs, int flags);

    int virDomainMigrateStartPostCopy(Pointer domain, int flags);
}
