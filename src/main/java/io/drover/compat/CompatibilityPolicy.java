package io.drover.compat;

import io.drover.model.ByteSize;
import io.drover.model.Host;
import java.time.Duration;

/**
 * The operator's knobs for the rules.
 *
 * @param cpuOvercommit      vCPUs a host may give per logical CPU (Nova's default {@code cpu_allocation_ratio} is 4)
 * @param memoryOvercommit   guest memory a host may give per byte of RAM (1.0: no overcommit)
 * @param guestOverhead      memory QEMU needs per guest beyond the guest's own RAM
 * @param migrationBandwidth expected bytes per second of one migration stream
 * @param slowTransfer       a guest whose memory takes longer than this to send once is reported as a risk
 */
public record CompatibilityPolicy(double cpuOvercommit, double memoryOvercommit, ByteSize guestOverhead,
        long migrationBandwidth, Duration slowTransfer) {

    public CompatibilityPolicy {
        if (!(cpuOvercommit > 0) || !(memoryOvercommit > 0)) {
            throw new IllegalArgumentException("overcommit ratios must be positive");
        }
        if (migrationBandwidth <= 0) {
            throw new IllegalArgumentException("migration bandwidth must be positive");
        }
    }

    /** vCPU 4:1, memory 1:1, 256 MiB overhead per guest, 1 GiB/s per migration (about 10 GbE), risk above 60 s. */
    /** Memory in bytes the host's guests may take: its RAM times the memory overcommit. */
    public long memoryCapacity(Host host) {
        return (long) Math.floor(host.capacity().memory().bytes() * memoryOvercommit);
    }

    /** vCPUs the host's guests may have: its logical CPUs times the CPU overcommit. */
    public long vcpuCapacity(Host host) {
        return (long) Math.floor(host.capacity().logicalCpus() * cpuOvercommit);
    }

    public static CompatibilityPolicy defaults() {
        return new CompatibilityPolicy(4.0, 1.0, ByteSize.ofMiB(256), ByteSize.ofGiB(1).bytes(),
                Duration.ofSeconds(60));
    }

    public CompatibilityPolicy withCpuOvercommit(double ratio) {
        return new CompatibilityPolicy(ratio, memoryOvercommit, guestOverhead, migrationBandwidth, slowTransfer);
    }

    public CompatibilityPolicy withMemoryOvercommit(double ratio) {
        return new CompatibilityPolicy(cpuOvercommit, ratio, guestOverhead, migrationBandwidth, slowTransfer);
    }

    public CompatibilityPolicy withGuestOverhead(ByteSize overhead) {
        return new CompatibilityPolicy(cpuOvercommit, memoryOvercommit, overhead, migrationBandwidth, slowTransfer);
    }

    public CompatibilityPolicy withMigrationBandwidth(long bytesPerSecond) {
        return new CompatibilityPolicy(cpuOvercommit, memoryOvercommit, guestOverhead, bytesPerSecond, slowTransfer);
    }
}
