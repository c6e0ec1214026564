package io.drover.model;

import java.util.Arrays;

/** A guest CPU's {@code mode} attribute. {@link #DEFAULT} is a domain without a {@code <cpu>} element. */
public enum CpuMode {
    DEFAULT(""),
    CUSTOM("custom"),
    HOST_MODEL("host-model"),
    HOST_PASSTHROUGH("host-passthrough"),
    MAXIMUM("maximum");

    private final String libvirtName;

    CpuMode(String libvirtName) {
        this.libvirtName = libvirtName;
    }

    public String libvirtName() {
        return libvirtName;
    }

    /** Reads libvirt's spelling; an absent mode means custom, as in libvirt. */
    public static CpuMode fromLibvirt(String name) {
        if (name == null || name.isEmpty()) {
            return CUSTOM;
        }
        return Arrays.stream(values())
                .filter(mode -> mode != DEFAULT && mode.libvirtName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown CPU mode '" + name + "'"));
    }
}
