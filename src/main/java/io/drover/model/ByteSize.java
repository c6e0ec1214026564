package io.drover.model;

import java.util.Locale;

/** An amount of memory or storage, held in bytes so that KiB from libvirt and GiB from policies never mix up. */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    public static final ByteSize ZERO = new ByteSize(0);

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
    }

    public static ByteSize ofKiB(long kib) {
        return new ByteSize(Math.multiplyExact(kib, 1024L));
    }

    public static ByteSize ofMiB(long mib) {
        return new ByteSize(Math.multiplyExact(mib, 1024L * 1024));
    }

    public static ByteSize ofGiB(long gib) {
        return new ByteSize(Math.multiplyExact(gib, 1024L * 1024 * 1024));
    }

    /**
     * Converts a libvirt {@code <memory unit='...'>} value. libvirt's units: b/bytes, KB (1000), k/KiB (1024), MB,
     * M/MiB, GB, G/GiB, TB, T/TiB; the default is KiB.
     */
    public static ByteSize ofLibvirtUnit(long value, String unit) {
        long factor = switch (unit == null || unit.isEmpty() ? "KiB" : unit) {
            case "b", "bytes" -> 1L;
            case "KB" -> 1000L;
            case "k", "KiB" -> 1L << 10;
            case "MB" -> 1000L * 1000;
            case "M", "MiB" -> 1L << 20;
            case "GB" -> 1000L * 1000 * 1000;
            case "G", "GiB" -> 1L << 30;
            case "TB" -> 1000L * 1000 * 1000 * 1000;
            case "T", "TiB" -> 1L << 40;
            default -> throw new IllegalArgumentException("unknown libvirt size unit '" + unit + "'");
        };
        return new ByteSize(Math.multiplyExact(value, factor));
    }

    public long toKiB() {
        return bytes / 1024;
    }

    public long toMiB() {
        return bytes / (1024L * 1024);
    }

    public ByteSize plus(ByteSize other) {
        return new ByteSize(Math.addExact(bytes, other.bytes));
    }

    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }

    /** For people: MiB with one decimal ("307.2 MiB"), where {@link #toString} stays exact. */
    public String toMiBText() {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }

    @Override
    public String toString() {
        return bytes % (1L << 20) == 0 ? toMiB() + " MiB" : bytes + " B";
    }
}
