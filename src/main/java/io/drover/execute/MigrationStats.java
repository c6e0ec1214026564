package io.drover.execute;

import io.drover.store.ModelJson;
import tools.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A migration job's statistics as libvirt reports them ({@code virDomainGetJobStats}), with the figures a progress
 * display and a report need. Sizes in bytes; absent figures are -1 (libvirt reports what the job type has).
 *
 * @param elapsed         time since the job started ({@code time_elapsed})
 * @param dataTotal       bytes to transfer so far: memory plus copied disks; grows while the guest dirties memory
 * @param dataRemaining   bytes still to transfer
 * @param dataProcessed   bytes transferred
 * @param bytesPerSecond  memory transfer rate ({@code memory_bps})
 * @param downtime        the guest's actual pause, known once the migration completed ({@code downtime})
 * @param dirtyRate       pages the guest dirties per second ({@code memory_dirty_rate})
 */
public record MigrationStats(Duration elapsed, long dataTotal, long dataRemaining, long dataProcessed,
        long bytesPerSecond, OptionalLong downtime, long dirtyRate) {

    public static MigrationStats of(Map<String, String> stats) {
        long downtime = number(stats, "downtime");
        return new MigrationStats(Duration.ofMillis(Math.max(0, number(stats, "time_elapsed"))),
                number(stats, "data_total"), number(stats, "data_remaining"), number(stats, "data_processed"),
                number(stats, "memory_bps"), downtime >= 0 ? OptionalLong.of(downtime) : OptionalLong.empty(),
                number(stats, "memory_dirty_rate"));
    }

    /** From {@code apply_move.last_job_stats}. */
    public static Optional<MigrationStats> ofJson(Optional<String> json) {
        return json.map(text -> {
            Map<String, Object> raw = ModelJson.mapper().readValue(text, new TypeReference<Map<String, Object>>() {
            });
            Map<String, String> stats = new LinkedHashMap<>();
            raw.forEach((key, value) -> stats.put(key, String.valueOf(value)));
            return of(stats);
        });
    }

    /** Share of the data transferred so far, 0..100; -1 before libvirt knows the total. */
    public int percent() {
        if (dataTotal <= 0 || dataRemaining < 0) {
            return -1;
        }
        return (int) Math.min(100, Math.max(0, (dataTotal - dataRemaining) * 100 / dataTotal));
    }

    /** Remaining data at the current rate; empty while there is no rate. */
    public Optional<Duration> eta() {
        if (bytesPerSecond <= 0 || dataRemaining < 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(dataRemaining * 1000 / bytesPerSecond));
    }

    private static long number(Map<String, String> stats, String key) {
        try {
            return Long.parseLong(stats.getOrDefault(key, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
