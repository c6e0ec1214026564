package io.drover.cli;

import io.drover.plan.BlockReason;
import io.drover.plan.BlockedGuest;
import io.drover.plan.HostLoad;
import io.drover.plan.MigrationWave;
import io.drover.plan.Plan;
import io.drover.report.Durations;
import io.drover.plan.PlanPhase;
import io.drover.plan.PlannedMigration;
import java.io.PrintWriter;
import java.util.List;

/** A plan for review: what it does in one paragraph, a table per wave, then every blocked guest and why. */
final class PlanReport {

    private PlanReport() {
    }

    static void print(Plan plan, String contentHash, PrintWriter out) {
        long migrations = plan.migrations().count();
        out.printf("Plan %s: %s of %s, from snapshot %d (%s)%n", plan.id(), plan.kind(), hosts(plan.hosts()),
                plan.snapshotId(), contentHash);
        out.printf("%d migrations in %d waves, %d MiB of memory and %d MiB of disk, estimated %s; %d guests "
                + "blocked%n", migrations, plan.waveCount(), plan.memoryMoved().toMiB(), plan.diskCopied().toMiB(),
                Durations.human(plan.estimatedDuration()), plan.blocked().size());
        plan.upgradeTo().ifPresent(target -> out.printf("Upgrade to: %s%n", target.describe()));
        out.printf("Limits: %d out and %d in per host, %d in the fleet at once; %d MiB/s per migration%n",
                plan.limits().maxOutboundPerHost(), plan.limits().maxInboundPerHost(), plan.limits().maxConcurrent(),
                plan.limits().bandwidthMiBs());
        plan.rebalance().ifPresent(rebalance -> {
            out.printf("Load threshold: %d %%%s; hosts over it: %d before, %d after%n",
                    Math.round(rebalance.maxLoad() * 100), rebalance.maxMigrations()
                            .map(max -> ", at most " + max + " migrations").orElse(""),
                    rebalance.overBefore().size(), rebalance.overAfter().size());
            printLoads("Still over the threshold", rebalance.overAfter(), out);
        });
        if (!plan.antiAffinity().isEmpty()) {
            out.printf("Anti-affinity groups kept spread: %d%n", plan.antiAffinity().size());
        }
        for (PlanPhase phase : plan.phases()) {
            if (plan.upgradeTo().isPresent()) {
                out.printf("%nPhase %d: empty %s, then upgrade %s%n", phase.number(),
                        String.join(", ", phase.hostsEmptied()), phase.hostsToUpgrade().isEmpty() ? "nothing"
                                : String.join(", ", phase.hostsToUpgrade()));
            }
            for (MigrationWave wave : phase.waves()) {
                out.printf("%nWave %d (%d migrations, est. %s)%n", wave.number(), wave.migrations().size(),
                        Durations.human(wave.estimatedDuration()));
                TextTable table = new TextTable("GUEST", "FROM", "TO", "MODE", "MEMORY", "TO SEND", "EST.",
                        "RISKS");
                for (PlannedMigration move : wave.migrations()) {
                    table.row(move.guest(), move.source(), move.destination(), move.mode().label()
                            + (move.copyDisks().isEmpty() ? "" : " " + move.copyDisks()), move.memory(),
                            move.memorySent().plus(move.diskCopy()).toMiBText(),
                            Durations.human(move.estimatedDuration()), move.risks().size());
                }
                table.print(out);
            }
        }
        if (!plan.blocked().isEmpty()) {
            out.printf("%nBlocked (%d):%n", plan.blocked().size());
            for (BlockedGuest blocked : plan.blocked()) {
                out.printf("  %s on %s%n", blocked.guest(), blocked.host());
                for (BlockReason reason : blocked.reasons()) {
                    out.printf("    %s: %s%n      fix: %s%n", reason.ruleId(), reason.reason(), reason.fix());
                }
            }
        }
    }

    /** A rebalance of a whole fleet names thousands of hosts: the first few and how many. */
    private static String hosts(List<String> hosts) {
        int shown = 8;
        return hosts.size() <= shown ? String.join(", ", hosts)
                : String.join(", ", hosts.subList(0, shown)) + " … (" + hosts.size() + " hosts)";
    }

    private static void printLoads(String title, List<HostLoad> loads, PrintWriter out) {
        if (loads.isEmpty()) {
            return;
        }
        out.printf("%s (%d):%n", title, loads.size());
        TextTable table = new TextTable("HOST", "MEMORY", "VCPUS");
        loads.forEach(load -> table.row(load.host(), percent(load.memory()), percent(load.vcpus())));
        table.print(out);
    }

    private static String percent(double share) {
        return String.format("%.1f %%", share * 100);
    }
}
