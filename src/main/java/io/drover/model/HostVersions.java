package io.drover.model;

import java.util.Optional;

/** The software a host runs. Kernel is optional: libvirt does not report it, so it comes from the fleet file. */
public record HostVersions(Version libvirt, Version qemu, Optional<Version> kernel) {
}
