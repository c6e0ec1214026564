package io.drover.report;

import io.drover.model.ByteSize;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One apply run as one HTML page: its result, a Gantt chart of the migrations as they actually ran (from the
 * checkpoints' start and end times, coloured by outcome), and every move with libvirt's downtime and transferred data
 * when the executor recorded them, its errors and its state changes.
 */
public final class RunHtmlReport {


    private RunHtmlReport() {
    }

    /** @param now the end of bars of moves still migrating (the run is live or was killed) */
    public static String render(RunHistory run, Instant now) {
        HtmlPage page = new HtmlPage("Drover run " + run.id() + " of " + run.planId());
        page.element("h1", "", "Apply run " + run.id() + " of plan " + run.planId());
        page.raw("<p class=\"sub\">").raw(HtmlPage.badge(run.status())).raw(" ")
                .raw(Html.escape("started " + run.startedAt() + run.finishedAt().map(end -> " · finished " + end
                        + " (" + Durations.human(Duration.between(run.startedAt(), end)) + ")").orElse("")
                        + " · " + run.planFile() + " · " + run.contentHash()))
                .raw("</p>\n");
        run.error().ifPresent(error -> page.element("p", "error", error));
        summary(page, run);
        page.element("h2", "", "Migrations as they ran");
        page.raw("<div class=\"chart\">\n").raw(gantt(run, now).toSvg()).raw("</div>\n");
        long neverMigrated = run.moves().stream().filter(move -> move.migratingAt().isEmpty()).count();
        if (neverMigrated > 0) {
            page.element("p", "note", neverMigrated + " moves never started a migration (skipped, refused in "
                    + "pre-flight or not reached): see the table.");
        }
        moves(page, run);
        return page.render("Drover run report · run " + run.id() + " · plan " + run.planId());
    }

    private static void summary(HtmlPage page, RunHistory run) {
        var byState = run.moves().stream().collect(Collectors.groupingBy(RunHistory.Move::state,
                Collectors.counting()));
        long failed = byState.getOrDefault("FAILED", 0L);
        page.raw("<div class=\"cards\">")
                .raw(HtmlPage.card("moves", Integer.toString(run.moves().size()), ""))
                .raw(HtmlPage.card("verified", Long.toString(byState.getOrDefault("VERIFIED", 0L)), "good"))
                .raw(HtmlPage.card("failed", Long.toString(failed), failed > 0 ? "bad" : ""))
                .raw(HtmlPage.card("skipped", Long.toString(byState.getOrDefault("SKIPPED", 0L)), ""));
        List<Long> downtimes = statistics(run, RunHistory.Move::downtimeMillis);
        if (!downtimes.isEmpty()) {
            page.raw(HtmlPage.card("longest downtime", downtimes.stream().max(Long::compare).orElseThrow() + " ms",
                    ""));
        }
        List<Long> data = statistics(run, RunHistory.Move::dataProcessed);
        if (!data.isEmpty()) {
            ByteSize transferred = new ByteSize(data.stream().mapToLong(Long::longValue).sum());
            page.raw(HtmlPage.card("data transferred", transferred.toMiBText(), ""));
        }
        page.raw("</div>\n");
    }

    static GanttChart gantt(RunHistory run, Instant now) {
        Instant origin = run.moves().stream().flatMap(move -> move.migratingAt().stream())
                .min(Comparator.naturalOrder()).orElse(run.startedAt());
        GanttChart chart = new GanttChart();
        for (RunHistory.Move move : run.moves()) {
            if (move.migratingAt().isEmpty()) {
                continue;
            }
            Instant start = move.migratingAt().get();
            Instant end = move.finishedAt().orElse(run.finishedAt().orElse(now));
            chart.bar(new GanttChart.Bar(move.guest() + "  " + move.source() + " → " + move.destination(),
                    seconds(Duration.between(origin, start)), seconds(Duration.between(start, end)),
                    "state-" + move.state(), move.guest() + ": " + move.state() + ", wave " + move.wave() + ", "
                            + Durations.human(Duration.between(start, end))
                            + move.error().map(error -> ": " + error).orElse("")));
        }
        return chart;
    }

    private static void moves(HtmlPage page, RunHistory run) {
        page.element("h2", "", "Moves (" + run.moves().size() + ")");
        Table table = new Table("moves", "#", "wave", "guest", "from", "to", "mode", "result", "attempts",
                "migration", "downtime", "data", "error", "history");
        for (RunHistory.Move move : run.moves()) {
            table.markupRow(Integer.toString(move.seq()), move.phase() + "." + move.wave(), Html.escape(move.guest()),
                    Html.escape(move.source()), Html.escape(move.destination()), Html.escape(move.mode()),
                    HtmlPage.badge(move.state()), Integer.toString(move.attempts()),
                    Html.escape(move.migrationTime().map(Durations::human).orElse("")),
                    Html.escape(move.downtimeMillis().map(ms -> ms + " ms").orElse("")),
                    Html.escape(move.dataProcessed().map(bytes -> new ByteSize(bytes).toMiBText()).orElse("")),
                    "<span class=\"error\">" + Html.escape(move.error().orElse("")) + "</span>",
                    "<span class=\"note\">" + Html.escape(String.join(" · ", move.transitions())) + "</span>");
        }
        page.raw(table.toHtml());
    }

    private static List<Long> statistics(RunHistory run, Function<RunHistory.Move, Optional<Long>> statistic) {
        return run.moves().stream().map(statistic).flatMap(Optional::stream).toList();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
