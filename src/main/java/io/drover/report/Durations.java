package io.drover.report;

import java.time.Duration;

/** Durations as an operator reads them: {@code 850 ms}, {@code 42 s}, {@code 3 min 05 s}, {@code 2 h 10 min}. */
public final class Durations {

    private Durations() {
    }

    public static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** A time-axis label: {@code 0}, {@code 30 s}, {@code 5 min}, {@code 2 h}. */
    static String axis(long seconds) {
        if (seconds == 0 || seconds % 60 != 0) {
            return seconds + " s";
        }
        return seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds / 60 + " min";
    }
}
