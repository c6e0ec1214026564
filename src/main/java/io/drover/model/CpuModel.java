package io.drover.model;

import java.util.List;
import java.util.Optional;

/**
 * A named CPU model from {@code virsh domcapabilities}: whether QEMU on this host can run it, and if not, the
 * features that block it.
 */
public record CpuModel(String name, boolean usable, Optional<String> vendor, List<String> blockers) {

    public CpuModel {
        blockers = List.copyOf(blockers);
    }
}
