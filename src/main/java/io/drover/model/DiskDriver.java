package io.drover.model;

import java.util.Optional;

/** A disk's {@code <driver>}: image format, cache mode and I/O policies. */
public record DiskDriver(Optional<String> name, Optional<String> format, CacheMode cache, Optional<String> discard,
        Optional<String> errorPolicy, Optional<String> io) {

    public static DiskDriver unspecified() {
        return new DiskDriver(Optional.empty(), Optional.empty(), CacheMode.DEFAULT, Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
