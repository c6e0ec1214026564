package io.drover.report;

import java.util.List;
import java.util.Locale;

/** Each host's memory and vCPUs as bars against capacity: before, at peak, after; red beyond capacity. */
final class CapacityTable {

    private static final long MIB = 1L << 20;

    private CapacityTable() {
    }

    static String toHtml(List<HostLoad> loads, String before, String peak, String after) {
        StringBuilder html = new StringBuilder("<p class=\"legend note\">Against capacity with the plan's overcommit:"
                + "<span class=\"before\" style=\"background:#8ab4f8\"></span>" + Html.escape(before)
                + "<span style=\"background:#fbbc04\"></span>" + Html.escape(peak)
                + "<span style=\"background:#1a73e8\"></span>" + Html.escape(after)
                + "<span style=\"background:#d93025\"></span>over capacity</p>\n");
        Table table = new Table("capacity", "host", "", "memory", "", "vCPUs", "");
        for (HostLoad load : loads) {
            table.markupRow("<b>" + Html.escape(load.host()) + "</b>", Html.escape(before),
                    meter(load.memoryBefore(), load.memoryCapacity(), "before"),
                    Html.escape(mib(load.memoryBefore()) + " / " + mib(load.memoryCapacity())),
                    meter(load.vcpusBefore(), load.vcpuCapacity(), "before"),
                    Html.escape(load.vcpusBefore() + " / " + load.vcpuCapacity()));
            table.markupRow("", Html.escape(peak), meter(load.memoryPeak(), load.memoryCapacity(), "peak"),
                    Html.escape(mib(load.memoryPeak())), meter(load.vcpusPeak(), load.vcpuCapacity(), "peak"),
                    Html.escape(Long.toString(load.vcpusPeak())));
            table.markupRow("", Html.escape(after), meter(load.memoryAfter(), load.memoryCapacity(), "after"),
                    Html.escape(mib(load.memoryAfter())), meter(load.vcpusAfter(), load.vcpuCapacity(), "after"),
                    Html.escape(Long.toString(load.vcpusAfter())));
        }
        return html.append(table.toHtml()).toString();
    }

    /** A bar filled to {@code used / capacity} (capped at the bar's end) and the percentage beside it. */
    private static String meter(long used, long capacity, String kind) {
        double share = capacity <= 0 ? 0 : (double) used / capacity;
        String cssClass = share > 1 ? "over" : kind;
        return String.format(Locale.ROOT, "<span class=\"meter\"><span class=\"%s\" style=\"width:%.1f%%\"></span>"
                + "</span><span class=\"pct\">%.0f%%</span>", cssClass, Math.min(1, share) * 100, share * 100);
    }

    private static String mib(long bytes) {
        return bytes / MIB + " MiB";
    }
}
