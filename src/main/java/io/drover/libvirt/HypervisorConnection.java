package io.drover.libvirt;

import io.drover.model.HostCapacity;
import io.drover.model.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drover's one door to a host's libvirtd. Every libvirt call Drover makes goes through this interface; its only
 * implementation binds libvirt-java plus JNA for what libvirt-java lacks. A connection is used by one thread at a
 * time. Failures are {@link LibvirtFailure}s carrying libvirt's code and a {@link LibvirtErrorKind}.
 */
public interface HypervisorConnection extends AutoCloseable {

    String uri();

    String hostname();

    Version libvirtVersion();

    /** The hypervisor's version (QEMU's, for the qemu driver). */
    Version hypervisorVersion();

    String capabilitiesXml();

    /**
     * {@code virsh domcapabilities --virttype TYPE} for the host's default emulator and machine; empty where the
     * driver lacks it or the host does not offer that domain type.
     */
    Optional<String> domainCapabilitiesXml(String virtType);

    /** {@code virsh sysinfo}; empty where the driver lacks it. */
    Optional<String> sysinfoXml();

    HostCapacity capacity();

    /** Every domain, running and only defined, with its live state and XML. */
    List<DomainDescription> domains();

    /** Where a domain is and why; empty when the host has no domain of that name. */
    Optional<DomainState> domainState(String domainName);

    /**
     * Every domain's block and balloon statistics in one call, by domain name, each as
     * {@code virsh domstats --block --balloon} names them ({@code block.count}, {@code block.0.allocation}…,
     * {@code balloon.current}, {@code balloon.unused}…). Domains the host reports nothing for have none.
     */
    Map<String, Map<String, String>> domainStats();

    /** libvirt's CPU baseline of host CPU definitions (works offline, even on the test driver). */
    String baselineCpu(List<String> hostCpuXmls);

    /**
     * The best CPU definition that this host's hypervisor can run for all the given CPUs, for guests of the given
     * domain type ({@code kvm} or {@code qemu}: QEMU offers different CPUs under KVM and TCG).
     */
    String baselineHypervisorCpu(String virtType, List<String> cpuXmls);

    /** Whether this host's hypervisor can run the given guest CPU definition for a guest of the given domain type. */
    CpuComparison compareHypervisorCpu(String virtType, String cpuXml);

    /**
     * Migrates a domain of this host as requested and returns when libvirt reports the migration finished; throws
     * {@link LibvirtFailure} when libvirt refuses or aborts it (the guest then still runs here).
     */
    void migrate(String domainName, MigrationRequest request);

    void setMigrationMaxSpeed(String domainName, long mebibytesPerSecond);

    long migrationMaxSpeed(String domainName);

    void setMigrationMaxDowntime(String domainName, long milliseconds);

    long migrationMaxDowntime(String domainName);

    void startPostCopy(String domainName);

    /** The current job's statistics as libvirt names them ({@code memory_remaining}, {@code downtime}…). */
    Map<String, String> jobStats(String domainName);

    /**
     * The statistics of the domain's last completed job ({@code virsh domjobinfo --completed}); on a migration's
     * destination they include the guest's actual {@code downtime}. Empty map fields when there was none.
     */
    Map<String, String> completedJobStats(String domainName);

    void abortJob(String domainName);

    /** Pauses the guest's vCPUs ({@code virsh suspend}): a migration then sends what is left and completes. */
    void suspend(String domainName);

    /** Runs a paused guest again ({@code virsh resume}). */
    void resume(String domainName);

    /**
     * Delivers the domain's migration events on this connection to {@code listener} until the returned subscription
     * is closed. Events arrive only for jobs run by this host's libvirtd (the source of a migration).
     */
    EventSubscription watchMigration(String domainName, MigrationListener listener);

    /**
     * Refreshes every active storage pool whose target is the given directory and returns how many there were.
     * libvirt caches a pool's volume list; a block migration ({@code --copy-storage-all}) pre-creates the
     * destination disk through the pool of its directory, and fails when that list is stale or there is no pool.
     */
    int refreshStoragePoolsAt(String directory);

    /** The capacity in bytes of the storage volume at that path (its pool must know it: refresh it first). */
    long volumeCapacity(String path);

    /**
     * Creates an empty overlay image at {@code path} on top of {@code backingPath}, through the storage pool of its
     * directory ({@code virStorageVolCreateXML} with a {@code <backingStore>}): what {@code --copy-storage-inc}
     * needs on the destination, which libvirt does not create itself. Fails if the volume exists already.
     */
    void createOverlay(String path, long capacityBytes, String format, String backingPath, String backingFormat);

    /**
     * Deletes the storage volume at that path ({@code virStorageVolDelete}: the file goes, and the pool forgets it).
     * Its pool must know it: refresh the pool first.
     */
    void deleteVolume(String path);

    @Override
    void close();
}
