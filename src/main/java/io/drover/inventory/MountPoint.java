package io.drover.inventory;

/** A filesystem mounted on a host, as in {@code /proc/mounts}: where, and of which type. */
public record MountPoint(String path, String type) {
}
