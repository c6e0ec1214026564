package io.drover.model;

import java.util.Optional;

/** One layer below a disk image in its backing chain, top first. */
public record BackingStore(DiskSource source, Optional<String> format) {
}
