package io.drover.plan;

import io.drover.model.ByteSize;
import java.time.Duration;

/**
 * How long a live migration is expected to take: libvirt starting the destination QEMU and handshaking (about
 * 1.5 s measured in the lab, rounded up to 2 s), then the guest's memory at the expected bandwidth, plus a fifth
 * for pages dirtied while the first pass runs (the dirty rate is not known before a migration starts).
 */
public final class MigrationEstimate {

    static final Duration SETUP = Duration.ofSeconds(2);
    static final double DIRTY_PAGE_FACTOR = 1.2;

    private MigrationEstimate() {
    }

    public static Duration of(ByteSize memory, long bandwidthMiBs) {
        double seconds = memory.toMiB() * DIRTY_PAGE_FACTOR / bandwidthMiBs;
        return SETUP.plusMillis(Math.round(seconds * 1000));
    }
}
