package io.drover.report;

/**
 * One self-contained report page: inline CSS, inline SVG, no script and no external asset, so a report can be mailed,
 * attached to a change ticket or opened from a file server as it is. Callers append escaped markup only.
 */
final class HtmlPage {

    /** Eight wave colours, told apart in colour and in greyscale; wave {@code n} takes {@code n mod 8}. */
    static final int WAVE_COLOURS = 8;

    private static final String CSS = """
            body { font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 24px; color: #1d2330;
                   background: #fff; }
            h1 { font-size: 22px; margin: 0 0 4px; }
            h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #d5d9e0; padding-bottom: 4px; }
            .sub { color: #5b6475; margin: 0 0 16px; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
            .card { border: 1px solid #d5d9e0; border-radius: 6px; padding: 8px 14px; min-width: 120px; }
            .card b { display: block; font-size: 20px; }
            .card.bad b { color: #b42318; } .card.good b { color: #137333; }
            table { border-collapse: collapse; margin: 6px 0 12px; }
            th, td { border-bottom: 1px solid #e4e7ec; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
            th { font-weight: 600; color: #3b4354; }
            table.moves td, table.capacity td { white-space: nowrap; }
            table.moves td:nth-last-child(-n+2) { white-space: normal; }
            table.blocked td:nth-child(-n+3) { white-space: nowrap; }
            code { background: #f2f4f7; padding: 0 3px; border-radius: 3px; }
            .note { color: #5b6475; font-size: 13px; }
            .fix { color: #137333; }
            .error { color: #b42318; }
            .chart { overflow-x: auto; border: 1px solid #e4e7ec; border-radius: 6px; padding: 6px; }
            svg.gantt text { font: 12px system-ui, sans-serif; fill: #1d2330; }
            svg.gantt .tick { stroke: #e4e7ec; }
            svg.gantt .tick-label { fill: #5b6475; font-size: 11px; }
            svg.gantt .band-0 { fill: #f7f8fa; } svg.gantt .band-1 { fill: #eef1f6; }
            svg.gantt .band-label { fill: #5b6475; font-size: 10px; }
            svg.gantt .bar { stroke: rgba(0,0,0,.25); stroke-width: .5; }
            .wave-0 { fill: #2e6fd8; } .wave-1 { fill: #e8710a; } .wave-2 { fill: #1e8e3e; } .wave-3 { fill: #9334e6; }
            .wave-4 { fill: #d01884; } .wave-5 { fill: #12a4af; } .wave-6 { fill: #b06000; } .wave-7 { fill: #5f6368; }
            .state-VERIFIED { fill: #1e8e3e; } .state-FAILED { fill: #d93025; } .state-MIGRATING { fill: #f9ab00; }
            .state-PENDING, .state-PREFLIGHT_OK, .state-SKIPPED { fill: #9aa0a6; }
            .meter { width: 220px; height: 12px; background: #eef1f6; border-radius: 3px; position: relative;
                     display: inline-block; vertical-align: middle; overflow: hidden; }
            .meter span { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 3px; }
            .meter .before { background: #8ab4f8; } .meter .after { background: #1a73e8; }
            .meter .peak { background: #fbbc04; } .meter .over { background: #d93025; }
            .pct { display: inline-block; width: 52px; text-align: right; font-variant-numeric: tabular-nums; }
            .legend span { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin: 0 4px 0 12px;
                           vertical-align: middle; }
            .badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; color: #fff; }
            .badge.VERIFIED, .badge.COMPLETED { background: #1e8e3e; }
            .badge.FAILED, .badge.REFUSED { background: #d93025; }
            .badge.MIGRATING, .badge.RUNNING { background: #f9ab00; color: #1d2330; }
            .badge.PENDING, .badge.PREFLIGHT_OK, .badge.SKIPPED { background: #9aa0a6; }
            footer { margin-top: 32px; color: #8a93a3; font-size: 12px; }
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    HtmlPage(String title) {
        this.title = title;
    }

    /** Appends markup the caller built from escaped text. */
    HtmlPage raw(String markup) {
        body.append(markup);
        return this;
    }

    /** Appends {@code <tag class="cls">text</tag>} with the text escaped. */
    HtmlPage element(String tag, String cssClass, String text) {
        body.append('<').append(tag);
        if (!cssClass.isEmpty()) {
            body.append(" class=\"").append(cssClass).append('"');
        }
        body.append('>').append(Html.escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    /** A row of headline numbers; {@code tone} is "", "good" or "bad". */
    static String card(String label, String value, String tone) {
        return "<div class=\"card " + tone + "\"><b>" + Html.escape(value) + "</b>" + Html.escape(label) + "</div>";
    }

    static String badge(String state) {
        return "<span class=\"badge " + Html.escape(state) + "\">" + Html.escape(state) + "</span>";
    }

    String render(String generatedBy) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                + "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width\"/>\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n"
                + body + "<footer>" + Html.escape(generatedBy) + "</footer>\n</body>\n</html>\n";
    }
}
