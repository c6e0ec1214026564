package io.drover.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Gantt chart as inline SVG: one row per bar, a time axis in seconds from the start, and optional bands (waves)
 * behind the bars. Plain SVG with CSS classes from {@link HtmlPage}, so it needs no script and prints as it shows.
 */
public final class GanttChart {

    /** Above this many rows a chart stops being readable (and a page gets heavy); the rest are counted, not drawn. */
    static final int MAX_ROWS = 400;

    private static final int WIDTH = 1200;
    private static final int LABEL_WIDTH = 300;
    private static final int ROW_HEIGHT = 20;
    private static final int AXIS_HEIGHT = 28;
    private static final long[] TICK_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400,
            28800, 86400};

    /**
     * @param label      the row's label (escaped when drawn)
     * @param cssClass   the bar's class, e.g. {@code wave-2} or {@code state-FAILED}
     * @param tooltip    shown on hover
     */
    public record Bar(String label, double startSeconds, double durationSeconds, String cssClass, String tooltip) {
    }

    /** A span of time drawn behind the bars, labelled at the top (a wave, a phase). */
    public record Band(String label, double startSeconds, double endSeconds) {
    }

    private final List<Bar> bars = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();

    public GanttChart bar(Bar bar) {
        bars.add(bar);
        return this;
    }

    public GanttChart band(Band band) {
        bands.add(band);
        return this;
    }

    public String toSvg() {
        List<Bar> shown = bars.subList(0, Math.min(bars.size(), MAX_ROWS));
        double end = Math.max(1, shown.stream().mapToDouble(bar -> bar.startSeconds() + bar.durationSeconds())
                .max().orElse(1));
        end = Math.max(end, bands.stream().mapToDouble(Band::endSeconds).max().orElse(0));
        double scale = (WIDTH - LABEL_WIDTH - 40) / end;
        int height = AXIS_HEIGHT + shown.size() * ROW_HEIGHT + 6;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">%n", WIDTH, height, WIDTH, height));
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            double x = LABEL_WIDTH + band.startSeconds() * scale;
            double w = Math.max(1, (band.endSeconds() - band.startSeconds()) * scale);
            svg.append(String.format(Locale.ROOT, "<rect class=\"band band-%d\" x=\"%.1f\" y=\"0\" width=\"%.1f\" "
                    + "height=\"%d\"/>%n", i % 2, x, w, height));
            svg.append(String.format(Locale.ROOT, "<text class=\"band-label\" x=\"%.1f\" y=\"11\">%s</text>%n",
                    x + 3, Html.escape(band.label())));
        }
        long step = tickStep(end);
        for (long t = 0; t <= end; t += step) {
            double x = LABEL_WIDTH + t * scale;
            svg.append(String.format(Locale.ROOT, "<line class=\"tick\" x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%d\"/>"
                    + "<text class=\"tick-label\" x=\"%.1f\" y=\"24\">%s</text>%n", x, x, height, x + 2,
                    Durations.axis(t)));
        }
        for (int row = 0; row < shown.size(); row++) {
            Bar bar = shown.get(row);
            double y = AXIS_HEIGHT + row * ROW_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<text class=\"row-label\" x=\"4\" y=\"%.1f\">%s</text>%n",
                    y + 14, Html.escape(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%d\" rx=\"2\"><title>%s</title></rect>%n", Html.escape(bar.cssClass()),
                    LABEL_WIDTH + bar.startSeconds() * scale, y + 3, Math.max(2, bar.durationSeconds() * scale),
                    ROW_HEIGHT - 6, Html.escape(bar.tooltip())));
        }
        svg.append("</svg>\n");
        if (bars.size() > shown.size()) {
            svg.append("<p class=\"note\">").append(bars.size() - shown.size())
                    .append(" more rows not drawn: the tables below list every move.</p>\n");
        }
        return svg.toString();
    }

    /** The smallest step that gives at most a dozen ticks. */
    private static long tickStep(double endSeconds) {
        for (long step : TICK_STEPS) {
            if (endSeconds / step <= 12) {
                return step;
            }
        }
        return (long) Math.ceil(endSeconds / 12 / 86400) * 86400;
    }
}
