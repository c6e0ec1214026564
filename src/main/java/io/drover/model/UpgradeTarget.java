package io.drover.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The versions an upgrade brings a host to; what it leaves out stays as it was. */
public record UpgradeTarget(Optional<Version> libvirt, Optional<Version> qemu, Optional<Version> kernel) {

    public UpgradeTarget {
        if (libvirt.isEmpty() && qemu.isEmpty() && kernel.isEmpty()) {
            throw new IllegalArgumentException("an upgrade needs at least one target version");
        }
    }

    /** {@code QEMU 8.2.0, libvirt 10.0.0}: the versions it sets, for people. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        qemu.ifPresent(version -> parts.add("QEMU " + version));
        libvirt.ifPresent(version -> parts.add("libvirt " + version));
        kernel.ifPresent(version -> parts.add("kernel " + version));
        return String.join(", ", parts);
    }

    public HostVersions applyTo(HostVersions current) {
        return new HostVersions(libvirt.orElse(current.libvirt()), qemu.orElse(current.qemu()),
                kernel.or(current::kernel));
    }
}
