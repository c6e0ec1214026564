package io.drover.report;

import io.drover.model.ByteSize;
import io.drover.plan.BlockReason;
import io.drover.plan.BlockedGuest;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A plan for review as one HTML page: the summary, an estimated Gantt chart of waves and migrations (the plan's own
 * {@code MigrationEstimate} durations, waves one after another), every host's load before, at peak and after, the
 * phases of a campaign, every move, and every blocked guest with its reasons and fixes.
 */
public final class PlanHtmlReport {

    private PlanHtmlReport() {
    }

    /**
     * @param loads the hosts' loads, when the snapshot the plan was made from is at hand
     */
    public static String render(Plan plan, String contentHash, Optional<List<HostLoad>> loads) {
        HtmlPage page = new HtmlPage("Drover plan " + plan.id());
        page.element("h1", "", "Plan " + plan.id());
        page.element("p", "sub", kindLabel(plan.kind()) + " of " + String.join(", ", plan.hosts())
                + " · snapshot " + plan.snapshotId() + " · created " + plan.createdAt() + " · " + contentHash);
        summary(page, plan);
        if (plan.kind() == PlanKind.UPGRADE_CAMPAIGN) {
            phases(page, plan);
        }
        page.element("h2", "", "Schedule (estimated)");
        page.element("p", "note", "Waves run one after another; the moves of a wave run together within the plan's "
                + "limits. Durations are estimates: setup plus the disk copy and the memory expected to be sent (what "
                + "the guest's last migration sent, else its memory × 1.2) at " + plan.limits().bandwidthMiBs()
                + " MiB/s.");
        page.raw("<div class=\"chart\">\n").raw(gantt(plan).toSvg()).raw("</div>\n");
        page.element("h2", "", "Host capacity");
        if (loads.isPresent()) {
            page.raw(CapacityTable.toHtml(loads.get(), "before", "during the plan (peak)", "after"));
        } else {
            page.element("p", "note", "Snapshot " + plan.snapshotId() + " is not in this database: host capacity "
                    + "cannot be shown.");
        }
        moves(page, plan);
        blocked(page, plan);
        return page.render("Drover plan report · " + plan.id());
    }

    private static void summary(HtmlPage page, Plan plan) {
        long migrations = plan.migrations().count();
        page.raw("<div class=\"cards\">")
                .raw(HtmlPage.card("migrations", Long.toString(migrations), ""))
                .raw(HtmlPage.card("waves", Integer.toString(plan.waveCount()), ""))
                .raw(HtmlPage.card("memory moved", plan.memoryMoved().toMiB() + " MiB", ""))
                .raw(HtmlPage.card("disk copied", plan.diskCopied().toMiB() + " MiB", ""))
                .raw(HtmlPage.card("estimated", Durations.human(plan.estimatedDuration()), ""))
                .raw(HtmlPage.card("blocked guests", Integer.toString(plan.blocked().size()),
                        plan.blocked().isEmpty() ? "good" : "bad"))
                .raw("</div>\n");
        StringBuilder limits = new StringBuilder("Limits: " + plan.limits().maxOutboundPerHost() + " out and "
                + plan.limits().maxInboundPerHost() + " in per host, " + plan.limits().maxConcurrent()
                + " in the fleet at once; " + plan.limits().bandwidthMiBs() + " MiB/s per migration. Policy: vCPU "
                + plan.policy().cpuOvercommit() + ":1, memory " + plan.policy().memoryOvercommit() + ":1, "
                + plan.policy().guestOverhead() + " per guest.");
        plan.upgradeTo().ifPresent(target -> limits.append(" Upgrade to: ").append(target.describe()).append('.'));
        page.element("p", "", limits.toString());
    }

    private static void phases(HtmlPage page, Plan plan) {
        page.element("h2", "", "Phases");
        Table table = new Table("phases", "phase", "empties", "then upgrades", "waves", "migrations", "estimated");
        for (PlanPhase phase : plan.phases()) {
            Duration estimated = phase.waves().stream().map(MigrationWave::estimatedDuration)
                    .reduce(Duration.ZERO, Duration::plus);
            table.row(phase.number(), String.join(", ", phase.hostsEmptied()),
                    phase.hostsToUpgrade().isEmpty() ? "nothing (a guest could not leave)"
                            : String.join(", ", phase.hostsToUpgrade()),
                    phase.waves().size(), phase.waves().stream().mapToInt(w -> w.migrations().size()).sum(),
                    Durations.human(estimated));
        }
        page.raw(table.toHtml());
    }

    static GanttChart gantt(Plan plan) {
        GanttChart chart = new GanttChart();
        double start = 0;
        boolean campaign = plan.kind() == PlanKind.UPGRADE_CAMPAIGN;
        for (PlanPhase phase : plan.phases()) {
            for (MigrationWave wave : phase.waves()) {
                double length = seconds(wave.estimatedDuration());
                chart.band(new GanttChart.Band((campaign ? "P" + phase.number() + " " : "") + "W" + wave.number(),
                        start, start + length));
                for (PlannedMigration move : wave.migrations()) {
                    chart.bar(new GanttChart.Bar(move.guest() + "  " + move.source() + " → " + move.destination(),
                            start, seconds(move.estimatedDuration()),
                            "wave-" + Math.floorMod(wave.number() - 1, HtmlPage.WAVE_COLOURS),
                            move.guest() + ": wave " + wave.number() + ", " + move.mode().label() + ", "
                                    + move.memory() + ", est. " + Durations.human(move.estimatedDuration())));
                }
                start += length;
            }
        }
        return chart;
    }

    private static void moves(HtmlPage page, Plan plan) {
        page.element("h2", "", "Migrations (" + plan.migrations().count() + ")");
        Table table = new Table("moves", "wave", "guest", "from", "to", "mode", "memory", "vCPUs", "estimated",
                "risks");
        for (PlanPhase phase : plan.phases()) {
            for (MigrationWave wave : phase.waves()) {
                for (PlannedMigration move : wave.migrations()) {
                    table.row(wave.number(), move.guest(), move.source(), move.destination(), move.mode().label()
                            + (move.copyDisks().isEmpty() ? "" : " " + String.join(", ", move.copyDisks())),
                            mib(move.memory()), move.vcpus(), Durations.human(move.estimatedDuration()),
                            move.risks().isEmpty() ? "" : String.join("; ", move.risks()));
                }
            }
        }
        page.raw(table.toHtml());
    }

    private static void blocked(HtmlPage page, Plan plan) {
        page.element("h2", "", "Blocked guests (" + plan.blocked().size() + ")");
        if (plan.blocked().isEmpty()) {
            page.element("p", "note", "Every guest the plan had to move has a destination.");
            return;
        }
        Table table = new Table("blocked", "guest", "on", "rule", "why", "fix");
        for (BlockedGuest guest : plan.blocked()) {
            for (BlockReason reason : guest.reasons()) {
                table.markupRow(Html.escape(guest.guest()), Html.escape(guest.host()),
                        "<code>" + Html.escape(reason.ruleId()) + "</code>", Html.escape(reason.reason()),
                        "<span class=\"fix\">" + Html.escape(reason.fix()) + "</span>");
            }
        }
        page.raw(table.toHtml());
    }

    private static String kindLabel(PlanKind kind) {
        return switch (kind) {
            case DRAIN -> "Drain";
            case UPGRADE_CAMPAIGN -> "Upgrade campaign";
            case REBALANCE -> "Rebalance";
        };
    }

    private static String mib(ByteSize size) {
        return String.format(Locale.ROOT, "%d MiB", size.toMiB());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
