package io.drover.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

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

    /** {@code VIR_DOMAIN_STATS_BALLOON}. */
    int STATS_BALLOON = 4;

    /** {@code VIR_DOMAIN_STATS_BLOCK}. */
    int STATS_BLOCK = 32;

    /**
     * Fills {@code records} with a NULL-terminated array of {@code virDomainStatsRecordPtr}, each
     * {@code {virDomainPtr dom; virTypedParameterPtr params; int nparams}}; returns their count.
     */
    int virConnectGetAllDomainStats(Pointer conn, int stats, PointerByReference records, int flags);

    void virDomainStatsRecordListFree(Pointer records);

    /** The domain's name, owned by the domain object (not to be freed). */
    String virDomainGetName(Pointer domain);

    /** {@code VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION}. */
    int EVENT_MIGRATION_ITERATION = 20;

    /** {@code VIR_DOMAIN_EVENT_ID_JOB_COMPLETED}. */
    int EVENT_JOB_COMPLETED = 21;

    /** {@code virConnectDomainEventMigrationIterationCallback}. */
    interface MigrationIterationCallback extends Callback {
        void invoke(Pointer conn, Pointer domain, int iteration, Pointer opaque);
    }

    /** {@code virConnectDomainEventJobCompletedCallback}: the job's statistics as typed parameters. */
    interface JobCompletedCallback extends Callback {
        void invoke(Pointer conn, Pointer domain, Pointer params, int nparams, Pointer opaque);
    }

    int virConnectDomainEventRegisterAny(Pointer conn, Pointer domain, int eventId,
            MigrationIterationCallback callback, Pointer opaque, Pointer freeCallback);

    int virConnectDomainEventRegisterAny(Pointer conn, Pointer domain, int eventId, JobCompletedCallback callback,
            Pointer opaque, Pointer freeCallback);

    int virConnectDomainEventDeregisterAny(Pointer conn, int callbackId);
}
