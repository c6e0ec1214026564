package io.drover.model;

import java.util.List;
import java.util.Optional;

/**
 * A guest's {@code <cpu>} element: mode, named model, vendor and per-feature policies. Also used for the
 * host-model definition of domain capabilities, which has the same shape.
 */
public record GuestCpu(CpuMode mode, Optional<String> model, Optional<String> vendor, Optional<String> match,
        Optional<String> check, List<CpuFeature> features) {

    public GuestCpu {
        features = List.copyOf(features);
    }

    /** A domain without a {@code <cpu>} element: QEMU picks its default model. */
    public static GuestCpu unspecified() {
        return new GuestCpu(CpuMode.DEFAULT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }
}
