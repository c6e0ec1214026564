package io.drover.model;

/**
 * A disk's driver {@code cache} mode. {@link #DEFAULT} means the attribute is absent, which QEMU runs as
 * writeback, so it is just as unsafe for live migration.
 */
public enum CacheMode implements LibvirtNamed {
    DEFAULT(""),
    NONE("none"),
    WRITETHROUGH("writethrough"),
    WRITEBACK("writeback"),
    DIRECTSYNC("directsync"),
    UNSAFE("unsafe");

    private final String libvirtName;

    CacheMode(String libvirtName) {
        this.libvirtName = libvirtName;
    }

    @Override
    public String libvirtName() {
        return libvirtName;
    }

    public static CacheMode fromLibvirt(String name) {
        if (name == null || name.isEmpty()) {
            return DEFAULT;
        }
        return LibvirtNamed.byLibvirtName(CacheMode.class, name, "disk cache mode");
    }

    /** Bypasses the host page cache, so no dirty data is left behind on the source after a switch-over. */
    public boolean bypassesHostCache() {
        return this == NONE || this == DIRECTSYNC;
    }
}
