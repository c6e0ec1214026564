package io.drover.libvirt;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.drover.model.ByteSize;
import io.drover.model.DiskSource;
import io.drover.model.HostCapacity;
import io.drover.model.PowerState;
import io.drover.model.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainJobStats;
import org.libvirt.DroverBridge;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;
import org.libvirt.TypedUlongParameter;
import org.libvirt.jna.virTypedParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link HypervisorConnection} over libvirt-java 0.5.4, with JNA ({@link LibvirtNative}) for what it lacks. */
final class LibvirtJavaConnection implements HypervisorConnection {

    private static final Logger log = LoggerFactory.getLogger(LibvirtJavaConnection.class);

    private static final int NO_DOMAIN = 42;
    /** {@code VIR_DOMAIN_JOB_STATS_COMPLETED}: the statistics of the domain's last completed job. */
    private static final int JOB_STATS_COMPLETED = 1;
    /** How long a pool refresh waits out a volume being created in the pool, and how often it tries. */
    private static final Duration POOL_BUSY_WAIT = Duration.ofSeconds(10);
    private static final Duration POOL_BUSY_RETRY = Duration.ofMillis(100);

    private final String uri;
    private final Connect connect;

    LibvirtJavaConnection(String uri, Connect connect) {
        this.uri = uri;
        this.connect = connect;
    }

    @FunctionalInterface
    private interface LibvirtCall<T> {
        T run() throws LibvirtException;
    }

    @FunctionalInterface
    private interface DomainCall<T> {
        T run(Domain domain) throws LibvirtException;
    }

    static LibvirtFailure failure(String uri, String operation, LibvirtException e) {
        int code = e.getError() == null || e.getError().getCode() == null ? -1 : e.getError().getCode().ordinal();
        return new LibvirtFailure(uri, operation, code, messageOf(e), e);
    }

    /** libvirt's own message when it reported an error, else the exception's. */
    private static String messageOf(LibvirtException e) {
        return e.getError() == null ? e.getMessage() : e.getError().getMessage();
    }

    private <T> T call(String operation, LibvirtCall<T> call) {
        try {
            return call.run();
        } catch (LibvirtException e) {
            throw failure(uri, operation, e);
        }
    }

    /** Runs a call on a looked-up domain and frees the handle, which libvirt-java would only free on finalization. */
    private <T> T onDomain(String domainName, String operation, DomainCall<T> call) {
        return call(operation + " " + domainName, () -> {
            Domain domain = connect.domainLookupByName(domainName);
            try {
                return call.run(domain);
            } finally {
                domain.free();
            }
        });
    }

    /** Runs a call whose answer the host may not have; {@code absentWhen} are the error kinds that mean so. */
    private <T> Optional<T> ifAvailable(String operation, LibvirtCall<T> call, Set<LibvirtErrorKind> absentWhen) {
        try {
            return Optional.of(call(operation, call));
        } catch (LibvirtFailure failure) {
            if (absentWhen.contains(failure.kind())) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    /** Copies a string libvirt allocated for the caller, then frees it. */
    private static String takeString(Pointer pointer) {
        try {
            return pointer.getString(0);
        } finally {
            DroverBridge.free(pointer);
        }
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String hostname() {
        return call("get hostname", connect::getHostName);
    }

    @Override
    public Version libvirtVersion() {
        return Version.fromLibvirtNumber(call("get libvirt version", connect::getLibVersion));
    }

    @Override
    public Version hypervisorVersion() {
        // getVersion() is the hypervisor's (QEMU's); libvirt-java's getHypervisorVersion() returns the library's.
        return Version.fromLibvirtNumber(call("get hypervisor version", connect::getVersion));
    }

    @Override
    public String capabilitiesXml() {
        return call("get capabilities", connect::getCapabilities);
    }

    @Override
    public Optional<String> domainCapabilitiesXml(String virtType) {
        return ifAvailable("get domain capabilities", () -> takeString(DroverBridge.checkPointer(LibvirtNative.INSTANCE
                .virConnectGetDomainCapabilities(connection(), null, null, null, virtType, 0))),
                EnumSet.of(LibvirtErrorKind.UNSUPPORTED, LibvirtErrorKind.INCOMPATIBLE));
    }

    @Override
    public Optional<String> sysinfoXml() {
        // A host without SMBIOS tables (many VMs, some boards) answers "unsupported configuration" (code 67).
        return ifAvailable("get sysinfo", connect::getSysinfo,
                EnumSet.of(LibvirtErrorKind.UNSUPPORTED, LibvirtErrorKind.INCOMPATIBLE));
    }

    @Override
    public HostCapacity capacity() {
        NodeInfo node = call("get node info", connect::nodeInfo);
        return new HostCapacity(node.cpus, ByteSize.ofKiB(node.memory));
    }

    @Override
    public List<DomainDescription> domains() {
        return call("list domains", () -> {
            List<DomainDescription> result = new ArrayList<>();
            for (Domain domain : connect.listAllDomains(0)) {
                try {
                    result.add(new DomainDescription(domain.getName(), state(domain).state(), domain.getXMLDesc(0)));
                } finally {
                    domain.free();
                }
            }
            return result;
        });
    }

    @Override
    public Optional<DomainState> domainState(String domainName) {
        try {
            return Optional.of(onDomain(domainName, "get state of", LibvirtJavaConnection::state));
        } catch (LibvirtFailure failure) {
            if (failure.code() == NO_DOMAIN) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    private static DomainState state(Domain domain) throws LibvirtException {
        IntByReference state = new IntByReference();
        IntByReference reason = new IntByReference();
        DroverBridge.checkResult(LibvirtNative.INSTANCE.virDomainGetState(
                DroverBridge.domainPointer(domain), state, reason, 0));
        return new DomainState(PowerState.fromLibvirtCode(state.getValue()), reason.getValue());
    }

    @Override
    public String baselineCpu(List<String> hostCpuXmls) {
        return call("baseline CPU", () -> connect.baselineCPU(hostCpuXmls.toArray(String[]::new)));
    }

    @Override
    public String baselineHypervisorCpu(String virtType, List<String> cpuXmls) {
        return call("baseline hypervisor CPU", () -> takeString(DroverBridge.checkPointer(LibvirtNative.INSTANCE
                .virConnectBaselineHypervisorCPU(connection(), null, null, null, virtType,
                        cpuXmls.toArray(String[]::new), cpuXmls.size(), 0))));
    }

    @Override
    public CpuComparison compareHypervisorCpu(String virtType, String cpuXml) {
        return call("compare hypervisor CPU", () -> CpuComparison.ofCode(DroverBridge.checkResult(LibvirtNative.INSTANCE
                .virConnectCompareHypervisorCPU(connection(), null, null, null, virtType, cpuXml, 0))));
    }

    @Override
    public void migrate(String domainName, MigrationRequest request) {
        List<TypedParameter> parameters = new ArrayList<>();
        request.bandwidthMiBs().ifPresent(bandwidth -> parameters.add(
                new TypedUlongParameter(Domain.DomainMigrateParameters.VIR_MIGRATE_PARAM_BANDWIDTH, bandwidth)));
        request.migrateDisks().forEach(target -> parameters.add(
                new TypedStringParameter(Domain.DomainMigrateParameters.VIR_MIGRATE_PARAM_MIGRATE_DISKS, target)));
        int flags = request.flags().stream().mapToInt(LibvirtJavaConnection::libvirtFlag).reduce(0, (a, b) -> a | b);
        // libvirt-java cannot marshal an empty typed-parameter array (JNA throws): without parameters, use
        // virDomainMigrateToURI2, which takes the same flags.
        onDomain(domainName, "migrate to " + request.destinationUri() + ":", domain -> parameters.isEmpty()
                ? domain.migrateToURI(request.destinationUri(), null, null, flags, null, 0)
                : domain.migrateToURI(request.destinationUri(), parameters.toArray(TypedParameter[]::new), flags));
    }

    private static int libvirtFlag(MigrationFlag flag) {
        return switch (flag) {
            case LIVE -> Domain.MigrateFlags.LIVE;
            case PEER_TO_PEER -> Domain.MigrateFlags.PEER2PEER;
            case PERSIST_DEST -> Domain.MigrateFlags.PERSIST_DEST;
            case UNDEFINE_SOURCE -> Domain.MigrateFlags.UNDEFINE_SOURCE;
            case COPY_STORAGE_ALL -> Domain.MigrateFlags.NON_SHARED_DISK;
            case COPY_STORAGE_INC -> Domain.MigrateFlags.NON_SHARED_INC;
            case AUTO_CONVERGE -> Domain.MigrateFlags.AUTO_CONVERGE;
            case POSTCOPY -> Domain.MigrateFlags.POSTCOPY;
            case ABORT_ON_ERROR -> Domain.MigrateFlags.ABORT_ON_ERROR;
        };
    }

    @Override
    public void setMigrationMaxSpeed(String domainName, long mebibytesPerSecond) {
        onDomain(domainName, "set migration speed of", domain -> DroverBridge.checkResult(LibvirtNative.INSTANCE
                .virDomainMigrateSetMaxSpeed(DroverBridge.domainPointer(domain), new NativeLong(mebibytesPerSecond), 0)));
    }

    @Override
    public long migrationMaxSpeed(String domainName) {
        return onDomain(domainName, "get migration speed of", domain -> {
            NativeLongByReference speed = new NativeLongByReference();
            DroverBridge.checkResult(LibvirtNative.INSTANCE
                    .virDomainMigrateGetMaxSpeed(DroverBridge.domainPointer(domain), speed, 0));
            return speed.getValue().longValue();
        });
    }

    @Override
    public void setMigrationMaxDowntime(String domainName, long milliseconds) {
        onDomain(domainName, "set migration downtime of", domain -> domain.migrateSetMaxDowntime(milliseconds));
    }

    @Override
    public long migrationMaxDowntime(String domainName) {
        return onDomain(domainName, "get migration downtime of", domain -> {
            LongByReference downtime = new LongByReference();
            DroverBridge.checkResult(LibvirtNative.INSTANCE
                    .virDomainMigrateGetMaxDowntime(DroverBridge.domainPointer(domain), downtime, 0));
            return downtime.getValue();
        });
    }

    @Override
    public void startPostCopy(String domainName) {
        onDomain(domainName, "start post-copy of", domain -> DroverBridge.checkResult(LibvirtNative.INSTANCE
                .virDomainMigrateStartPostCopy(DroverBridge.domainPointer(domain), 0)));
    }

    @Override
    public Map<String, String> jobStats(String domainName) {
        return jobStats(domainName, 0);
    }

    @Override
    public Map<String, String> completedJobStats(String domainName) {
        return jobStats(domainName, JOB_STATS_COMPLETED);
    }

    private Map<String, String> jobStats(String domainName, int flags) {
        return onDomain(domainName, "get job stats of", domain -> {
            DomainJobStats stats = domain.getJobStats(flags);
            return jobStatsByName(stats.type, stats.stats);
        });
    }

    private static Map<String, String> jobStatsByName(int jobType, TypedParameter[] parameters) {
        Map<String, String> byName = new LinkedHashMap<>();
        byName.put("type", Integer.toString(jobType));
        byName.putAll(statsByName(parameters));
        return byName;
    }

    /**
     * Reads typed parameters that libvirt still owns (an event's, a statistics record's). libvirt-java's
     * {@code TypedParameter.fromPointer} frees what it read, which is a double free for these.
     */
    private static TypedParameter[] borrowedParameters(Pointer parameters, int count) {
        if (count == 0) {
            return new TypedParameter[0];
        }
        virTypedParameter first = new virTypedParameter(parameters);
        first.read();
        Structure[] all = first.toArray(count);
        TypedParameter[] read = new TypedParameter[count];
        for (int i = 0; i < count; i++) {
            read[i] = TypedParameter.create((virTypedParameter) all[i]);
        }
        return read;
    }

    private static Map<String, String> statsByName(TypedParameter[] parameters) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (TypedParameter parameter : parameters) {
            byName.put(parameter.field, parameter.getValueAsString());
        }
        return byName;
    }

    @Override
    public Map<String, Map<String, String>> domainStats() {
        return call("get domain statistics", () -> {
            PointerByReference records = new PointerByReference();
            int count = DroverBridge.checkResult(LibvirtNative.INSTANCE.virConnectGetAllDomainStats(connection(),
                    LibvirtNative.STATS_BLOCK | LibvirtNative.STATS_BALLOON, records, 0));
            try {
                Map<String, Map<String, String>> byDomain = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    Pointer record = records.getValue().getPointer((long) i * Native.POINTER_SIZE);
                    String domain = LibvirtNative.INSTANCE.virDomainGetName(record.getPointer(0));
                    int parameters = record.getInt(2L * Native.POINTER_SIZE);
                    Map<String, String> stats = statsByName(borrowedParameters(
                            record.getPointer(Native.POINTER_SIZE), parameters));
                    if (!stats.isEmpty()) {
                        byDomain.put(domain, stats);
                    }
                }
                return byDomain;
            } finally {
                LibvirtNative.INSTANCE.virDomainStatsRecordListFree(records.getValue());
            }
        });
    }

    @Override
    public EventSubscription watchMigration(String domainName, MigrationListener listener) {
        MigrationEventCallbacks callbacks = new MigrationEventCallbacks(domainName, listener);
        int[] registrations = onDomain(domainName, "watch migration events of", domain -> {
            Pointer domainPointer = DroverBridge.domainPointer(domain);
            int iterations = DroverBridge.checkResult(LibvirtNative.INSTANCE.virConnectDomainEventRegisterAny(
                    connection(), domainPointer, LibvirtNative.EVENT_MIGRATION_ITERATION, callbacks.iteration, null,
                    null));
            try {
                return new int[] {iterations, DroverBridge.checkResult(LibvirtNative.INSTANCE
                        .virConnectDomainEventRegisterAny(connection(), domainPointer,
                                LibvirtNative.EVENT_JOB_COMPLETED, callbacks.completed, null, null))};
            } catch (LibvirtException e) {
                LibvirtNative.INSTANCE.virConnectDomainEventDeregisterAny(connection(), iterations);
                throw e;
            }
        });
        // The subscription keeps the callbacks strongly reachable for as long as libvirt may call them.
        return () -> {
            for (int registration : registrations) {
                LibvirtNative.INSTANCE.virConnectDomainEventDeregisterAny(connection(), registration);
            }
            callbacks.stop();
        };
    }

    /** The native callbacks of one watch; a listener that throws is logged, never unwound into libvirt. */
    private static final class MigrationEventCallbacks {

        /** {@code VIR_DOMAIN_JOB_COMPLETED}: the job type a completed job's statistics report. */
        private static final int JOB_COMPLETED = 3;

        private final String domainName;
        private volatile MigrationListener listener;
        final LibvirtNative.MigrationIterationCallback iteration;
        final LibvirtNative.JobCompletedCallback completed;

        MigrationEventCallbacks(String domainName, MigrationListener listener) {
            this.domainName = domainName;
            this.listener = listener;
            this.iteration = (conn, domain, pass, opaque) -> deliver(target -> target.iteration(pass));
            this.completed = (conn, domain, params, count, opaque) -> deliver(target -> target.completed(
                    jobStatsByName(JOB_COMPLETED, borrowedParameters(params, count))));
        }

        private void deliver(Consumer<MigrationListener> event) {
            MigrationListener target = listener;
            if (target == null) {
                return;
            }
            try {
                event.accept(target);
            } catch (RuntimeException e) {
                log.warn("Migration event listener of {} failed: {}", domainName, e.toString());
            }
        }

        void stop() {
            listener = null;
        }
    }

    @Override
    public void abortJob(String domainName) {
        onDomain(domainName, "abort job of", Domain::abortJob);
    }

    @Override
    public void suspend(String domainName) {
        onDomain(domainName, "suspend", domain -> {
            domain.suspend();
            return null;
        });
    }

    @Override
    public void resume(String domainName) {
        onDomain(domainName, "resume", domain -> {
            domain.resume();
            return null;
        });
    }

    @Override
    public int refreshStoragePoolsAt(String directory) {
        return call("refresh storage pools at " + directory, () -> {
            List<StoragePool> pools = poolsAt(directory);
            try {
                for (StoragePool pool : pools) {
                    refreshWhenIdle(pool);
                }
                return pools.size();
            } finally {
                free(pools);
            }
        });
    }

    @Override
    public long volumeCapacity(String path) {
        return call("get the capacity of volume " + path, () -> {
            StorageVol volume = connect.storageVolLookupByPath(path);
            try {
                return volume.getInfo().capacity;
            } finally {
                volume.free();
            }
        });
    }

    @Override
    public void createOverlay(String path, long capacityBytes, String format, String backingPath,
            String backingFormat) {
        String directory = DiskSource.File.directoryOf(path);
        String operation = "create overlay " + path + " on " + backingPath;
        boolean created = call(operation, () -> {
            List<StoragePool> pools = poolsAt(directory);
            try {
                if (pools.isEmpty()) {
                    return false;
                }
                pools.get(0).refresh(0);
                pools.get(0).storageVolCreateXML("<volume><name>" + xmlText(Path.of(path).getFileName().toString())
                        + "</name><capacity unit='bytes'>" + capacityBytes + "</capacity>"
                        + "<target><format type='" + xmlText(format) + "'/></target>"
                        + "<backingStore><path>" + xmlText(backingPath) + "</path><format type='"
                        + xmlText(backingFormat) + "'/></backingStore></volume>", 0).free();
                return true;
            } finally {
                free(pools);
            }
        });
        if (!created) {
            throw new LibvirtFailure(uri, operation, -1, "no storage pool with target path " + directory, null);
        }
    }

    @Override
    public void deleteVolume(String path) {
        call("delete volume " + path, () -> {
            StorageVol volume = connect.storageVolLookupByPath(path);
            try {
                volume.delete(0);
                return null;
            } finally {
                volume.free();
            }
        });
    }

    /** The active storage pools whose target is the directory; the caller frees them. */
    /**
     * libvirt refuses to refresh a pool while it creates a volume in it ("pool 'x' has asynchronous jobs running"),
     * as the destination of another block copy starting at the same moment does when it precreates its disk there
     * (seen on the lab: two copies into one pool, the second `virsh pool-refresh` refused). The creation takes
     * moments, so the refresh is tried again until it ends.
     */
    private static void refreshWhenIdle(StoragePool pool) throws LibvirtException {
        long deadline = System.nanoTime() + POOL_BUSY_WAIT.toNanos();
        while (true) {
            try {
                pool.refresh(0);
                return;
            } catch (LibvirtException e) {
                String message = messageOf(e);
                boolean busy = message != null && message.contains("asynchronous jobs running");
                if (!busy || System.nanoTime() > deadline || !pause(POOL_BUSY_RETRY)) {
                    throw e;
                }
            }
        }
    }

    /** Sleeps; false when interrupted (the interrupt is kept for the caller). */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<StoragePool> poolsAt(String directory) throws LibvirtException {
        List<StoragePool> pools = new ArrayList<>();
        for (String name : connect.listStoragePools()) {
            StoragePool pool = connect.storagePoolLookupByName(name);
            Matcher path = TARGET_PATH.matcher(pool.getXMLDesc(0));
            if (path.find() && stripSlash(path.group(1)).equals(stripSlash(directory))) {
                pools.add(pool);
            } else {
                pool.free();
            }
        }
        return pools;
    }

    private static void free(List<StoragePool> pools) throws LibvirtException {
        for (StoragePool pool : pools) {
            pool.free();
        }
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }

    private static final Pattern TARGET_PATH = Pattern
            .compile("<target>\\s*<path>([^<]+)</path>");

    private static String stripSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    private Pointer connection() {
        return DroverBridge.connectionPointer(connect);
    }

    @Override
    public void close() {
        try {
            connect.close();
        } catch (LibvirtException e) {
            throw failure(uri, "close", e);
        }
    }
}
