package io.drover.libvirt;

/** The answer of libvirt's CPU compare calls ({@code virCPUCompareResult}). */
public enum CpuComparison {
    INCOMPATIBLE, IDENTICAL, SUPERSET;

    static CpuComparison ofCode(int code) {
        return switch (code) {
            case 0 -> INCOMPATIBLE;
            case 1 -> IDENTICAL;
            case 2 -> SUPERSET;
            default -> throw new IllegalArgumentException("unknown virCPUCompareResult " + code);
        };
    }
}
