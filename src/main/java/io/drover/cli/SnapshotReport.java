package io.drover.cli;

import io.drover.model.HostStatus;
import io.drover.model.Secrets;
import io.drover.model.HostSummary;
import io.drover.model.SnapshotSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The human summary of a snapshot: one line per host, then what went wrong. */
final class SnapshotReport {

    private SnapshotReport() {
    }

    static void print(SnapshotSummary snapshot, PrintWriter out) {
        Map<HostStatus, Long> byStatus = snapshot.hosts().stream()
                .collect(Collectors.groupingBy(HostSummary::status, Collectors.counting()));
        int guests = snapshot.hosts().stream().mapToInt(HostSummary::guests).sum();
        out.printf("Snapshot %d of %s: %d hosts (%d ok, %d stale, %d failed), %d guests, collected in %.1f s%n%n",
                snapshot.id(), snapshot.source(), snapshot.hosts().size(), byStatus.getOrDefault(HostStatus.OK, 0L),
                byStatus.getOrDefault(HostStatus.STALE, 0L), byStatus.getOrDefault(HostStatus.FAILED, 0L), guests,
                Duration.between(snapshot.startedAt(), snapshot.completedAt()).toMillis() / 1000.0);
        TextTable table = new TextTable("HOST", "STATUS", "LIBVIRT", "QEMU", "CPU", "MACHINES", "VMS RUN/ALL",
                "DISKS SHARED/LOCAL", "FLAGS");
        for (HostSummary host : snapshot.hosts()) {
            boolean hasData = host.status().hasData();
            table.row(host.name(), statusOf(host), show(host.libvirt()), show(host.qemu()), show(host.cpu()),
                    hasData ? host.machineTypes() : "-",
                    hasData ? host.activeGuests() + "/" + host.guests() : "-",
                    hasData ? host.sharedDisks() + "/" + host.localDisks() : "-",
                    host.flags().isEmpty() ? "-" : host.flags().stream().map(Enum::name)
                            .collect(Collectors.joining(",")));
        }
        table.print(out);
        List<String> trouble = new ArrayList<>(snapshot.problems());
        snapshot.hosts().stream().filter(host -> host.status() != HostStatus.OK)
                .forEach(host -> trouble.add(host.name() + ": "
                        + Secrets.redact(host.error().orElse("not collected"))));
        if (!trouble.isEmpty()) {
            out.println();
            out.println("Problems:");
            trouble.forEach(line -> out.println("  " + line));
        }
    }

    private static String statusOf(HostSummary host) {
        return host.status() == HostStatus.STALE
                ? "STALE(from #" + host.dataSnapshotId().map(String::valueOf).orElse("?") + ")"
                : host.status().name();
    }

    private static String show(Optional<String> fact) {
        return fact.filter(value -> !value.isBlank()).orElse("-");
    }
}
