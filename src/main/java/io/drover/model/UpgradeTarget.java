package io.drover.model;

import java.util.Optional;

/** The versions an upgrade brings a host to; what it leaves out stays as it was. */
public record UpgradeTarget(Optional<Version> libvirt, Optional<Version> qemu, Optional<Version> kernel) {

    public UpgradeTarget {
        if (libvirt.isEmpty() && qemu.isEmpty() && kernel.isEmpty()) {
            throw new IllegalArgumentException("an upgrade needs at least one target version");
        }
    }

    public HostVersions applyTo(HostVersions current) {
        return new HostVersions(libvirt.orElse(current.libvirt()), qemu.orElse(current.qemu()),
                kernel.or(current::kernel));
    }
}
