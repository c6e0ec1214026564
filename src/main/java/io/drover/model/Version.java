package io.drover.model;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A dotted major.minor.micro version of QEMU, libvirt or a kernel, ordered numerically. */
public record Version(int major, int minor, int micro) implements Comparable<Version> {

    private static final Pattern DOTTED = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
            .thenComparingInt(Version::minor)
            .thenComparingInt(Version::micro);

    public Version {
        if (major < 0 || minor < 0 || micro < 0) {
            throw new IllegalArgumentException("negative version component: " + major + "." + minor + "." + micro);
        }
    }

    /** Parses the first {@code X.Y[.Z]} in the text, e.g. {@code "7.2.0"} or {@code "6.1.0-13-cloud-amd64"}. */
    public static Version parse(String text) {
        Matcher m = DOTTED.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("not a version: '" + text + "'");
        }
        int micro = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), micro);
    }

    /** libvirt encodes versions as {@code major * 1,000,000 + minor * 1,000 + micro}. */
    public static Version fromLibvirtNumber(long encoded) {
        return new Version((int) (encoded / 1_000_000), (int) (encoded / 1_000 % 1_000), (int) (encoded % 1_000));
    }

    public boolean isOlderThan(Version other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Version other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
