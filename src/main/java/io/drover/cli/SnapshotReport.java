package io.drover.cli;

import io.drover.model.DiskSharing;
import io.drover.model.FleetSnapshot;
import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.HostStatus;
import io.drover.model.SnapshotHost;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The human summary of a snapshot: one line per host, then what went wrong. */
final class SnapshotReport {

    private SnapshotReport() {
    }

    static void print(FleetSnapshot snapshot, PrintWriter out) {
        Map<HostStatus, Long> byStatus = snapshot.hosts().stream()
                .collect(Collectors.groupingBy(SnapshotHost::status, Collectors.counting()));
        int guests = snapshot.hosts().stream().mapToInt(host -> host.guests().size()).sum();
        out.printf("Snapshot %d of %s: %d hosts (%d ok, %d stale, %d failed), %d guests, collected in %.1f s%n%n",
                snapshot.id(), snapshot.source(), snapshot.hosts().size(), byStatus.getOrDefault(HostStatus.OK, 0L),
                byStatus.getOrDefault(HostStatus.STALE, 0L), byStatus.getOrDefault(HostStatus.FAILED, 0L), guests,
                Duration.between(snapshot.startedAt(), snapshot.completedAt()).toMillis() / 1000.0);
        TextTable table = new TextTable("HOST", "STATUS", "LIBVIRT", "QEMU", "CPU", "MACHINES", "VMS RUN/ALL",
                "DISKS SHARED/LOCAL", "FLAGS");
        for (SnapshotHost host : snapshot.hosts()) {
            table.row(host.name(), statusOf(host), show(host, h -> h.versions().libvirt()),
                    show(host, h -> h.versions().qemu()), show(host, SnapshotReport::cpu),
                    show(host, h -> h.capabilities().machineTypes().stream().filter(m -> !m.isAlias()).count()),
                    withData(host, host.guests().stream().filter(g -> g.state().isActive()).count() + "/"
                            + host.guests().size()),
                    withData(host, disks(host.guests(), DiskSharing.SHARED) + "/"
                            + disks(host.guests(), DiskSharing.LOCAL)),
                    host.flags().isEmpty() ? "-" : host.flags().stream().map(Enum::name)
                            .collect(Collectors.joining(",")));
        }
        table.print(out);
        List<String> trouble = new ArrayList<>(snapshot.problems());
        snapshot.hosts().stream().filter(host -> host.status() != HostStatus.OK)
                .forEach(host -> trouble.add(host.name() + ": " + host.error().orElse("not collected")));
        if (!trouble.isEmpty()) {
            out.println();
            out.println("Problems:");
            trouble.forEach(line -> out.println("  " + line));
        }
    }

    private static String statusOf(SnapshotHost host) {
        return host.status() == HostStatus.STALE
                ? "STALE(from #" + host.dataSnapshotId().map(String::valueOf).orElse("?") + ")"
                : host.status().name();
    }

    private static String show(SnapshotHost entry, Function<Host, Object> fact) {
        return entry.host().map(fact).map(String::valueOf).orElse("-");
    }

    /** A failed host has no guest list at all: show that, not "0". */
    private static String withData(SnapshotHost host, String value) {
        return host.status().hasData() ? value : "-";
    }

    private static String cpu(Host host) {
        return host.capabilities().cpu().vendor().map(vendor -> vendor + " ").orElse("")
                + host.capabilities().cpu().model().orElse(host.capabilities().cpu().arch());
    }

    private static long disks(List<Guest> guests, DiskSharing sharing) {
        return guests.stream().flatMap(guest -> guest.disks().stream())
                .filter(disk -> disk.sharing() == sharing).count();
    }
}
