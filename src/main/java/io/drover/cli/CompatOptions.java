package io.drover.cli;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.CpuMap;
import io.drover.model.ByteSize;
import io.drover.model.FleetSnapshot;
import io.drover.store.SnapshotStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the compatibility commands: which snapshot, where libvirt's CPU map is, and the policy. */
public class CompatOptions {

    @Mixin
    SnapshotOption snapshot;

    @Mixin
    CpuMapOption cpuMap;

    @Option(names = "--cpu-overcommit", defaultValue = "4.0", description = "vCPUs per logical CPU (default 4.0).")
    double cpuOvercommit;

    @Option(names = "--memory-overcommit", defaultValue = "1.0",
            description = "Guest memory per byte of host RAM (default 1.0).")
    double memoryOvercommit;

    @Option(names = "--guest-overhead", paramLabel = "MIB", defaultValue = "256",
            description = "Memory per guest beyond its RAM, in MiB (default 256).")
    long guestOverheadMib;

    @Option(names = "--bandwidth", paramLabel = "MIB/S", defaultValue = "1024",
            description = "Expected migration bandwidth in MiB/s, for the slow-transfer risk (default 1024).")
    long bandwidthMibps;

    FleetSnapshot load(SnapshotStore store) {
        return snapshot.load(store);
    }

    CompatibilityEngine engine(FleetSnapshot fleet) {
        return new CompatibilityEngine(fleet, policy(), cpuMap());
    }

    CpuMap cpuMap() {
        return cpuMap.load();
    }

    CompatibilityPolicy policy() {
        try {
            return CompatibilityPolicy.defaults().withCpuOvercommit(cpuOvercommit)
                    .withMemoryOvercommit(memoryOvercommit).withGuestOverhead(ByteSize.ofMiB(guestOverheadMib))
                    .withMigrationBandwidth(ByteSize.ofMiB(bandwidthMibps).bytes());
        } catch (IllegalArgumentException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        }
    }
}
