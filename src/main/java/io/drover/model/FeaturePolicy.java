package io.drover.model;

import java.util.Locale;

/** The {@code policy} of a guest CPU feature; libvirt's default is {@link #REQUIRE}. */
public enum FeaturePolicy {
    FORCE, REQUIRE, OPTIONAL, DISABLE, FORBID;

    public static FeaturePolicy fromLibvirt(String name) {
        if (name == null || name.isEmpty()) {
            return REQUIRE;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown CPU feature policy '" + name + "'", e);
        }
    }

    /** Whether the guest needs the host to offer this feature. */
    public boolean demandsFeature() {
        return this == FORCE || this == REQUIRE;
    }
}
