package io.drover.model;

/** A guest CPU's {@code mode} attribute. {@link #DEFAULT} is a domain without a {@code <cpu>} element. */
public enum CpuMode implements LibvirtNamed {
    DEFAULT(""),
    CUSTOM("custom"),
    HOST_MODEL("host-model"),
    HOST_PASSTHROUGH("host-passthrough"),
    MAXIMUM("maximum");

    private final String libvirtName;

    CpuMode(String libvirtName) {
        this.libvirtName = libvirtName;
    }

    @Override
    public String libvirtName() {
        return libvirtName;
    }

    /** Reads libvirt's spelling; an absent mode means custom, as in libvirt. */
    public static CpuMode fromLibvirt(String name) {
        if (name == null || name.isEmpty()) {
            return CUSTOM;
        }
        return LibvirtNamed.byLibvirtName(CpuMode.class, name, "CPU mode");
    }
}
