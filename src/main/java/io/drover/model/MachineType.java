package io.drover.model;

import java.util.Optional;

/**
 * A machine type a host's QEMU offers. An alias such as {@code pc} names its {@code canonical} versioned machine
 * ({@code pc-i440fx-7.2}); a guest defined with an alias gets a different machine after a reboot on a newer QEMU.
 */
public record MachineType(String name, Optional<String> canonical, Optional<Integer> maxCpus, boolean deprecated) {

    public boolean isAlias() {
        return canonical.isPresent();
    }
}
