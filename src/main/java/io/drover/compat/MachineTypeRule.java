package io.drover.compat;

import io.drover.model.Guest;
import io.drover.model.Host;
import io.drover.model.MachineType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code machine-type}: the destination's QEMU must offer the exact machine the guest runs, for the guest's
 * architecture and domain type (kvm/qemu). A guest defined with an alias ({@code pc}, {@code q35}) runs the
 * machine its SOURCE host resolved the alias to, so that versioned name is what the destination must offer; such a
 * guest is also reported as a risk, because its next boot on a newer QEMU silently gives it a newer machine.
 * (libvirt: "Emulator ... does not support machine type 'pc-i440fx-7.2'".)
 */
public final class MachineTypeRule extends FleetRule {

    public static final String ID = "machine-type";

    private final Interner machines = new Interner();
    private final Interner archs = new Interner();
    private final Interner domainTypes = new Interner();
    private final int width;
    private final long[] hostMachines;
    private final int[] hostArch;
    private final long[] hostDomainTypes;
    private final int[] guestMachine;
    private final int[] guestArch;
    private final int[] guestDomainType;

    public MachineTypeRule(FleetIndex fleet) {
        super(ID, fleet);
        int hosts = fleet.hostCount();
        int guests = fleet.guestCount();
        hostArch = new int[hosts];
        hostDomainTypes = new long[hosts];
        guestMachine = new int[guests];
        guestArch = new int[guests];
        guestDomainType = new int[guests];
        for (int h = 0; h < hosts; h++) {
            if (fleet.hasFacts(h)) {
                Host host = fleet.host(h);
                host.capabilities().machineTypes().forEach(machine -> machines.intern(machine.name()));
                hostArch[h] = archs.intern(host.capabilities().cpu().arch());
                for (String type : host.capabilities().domainTypes()) {
                    int id = domainTypes.intern(type);
                    if (id < 64) {
                        hostDomainTypes[h] |= 1L << id;
                    }
                }
            } else {
                hostArch[h] = -1;
            }
        }
        for (int g = 0; g < guests; g++) {
            Guest guest = fleet.guest(g);
            guestMachine[g] = machines.intern(effectiveMachine(g));
            guestArch[g] = archs.intern(guest.arch());
            guestDomainType[g] = domainTypes.intern(guest.domainType());
        }
        width = machines.words();
        hostMachines = new long[hosts * width];
        for (int h = 0; h < hosts; h++) {
            if (fleet.hasFacts(h)) {
                for (MachineType machine : fleet.host(h).capabilities().machineTypes()) {
                    Bits.set(hostMachines, h, width, machines.find(machine.name()));
                }
            }
        }
    }

    @Override
    public boolean allows(int guest, int destination) {
        if (hostArch[destination] < 0) {
            return true;
        }
        int domainType = guestDomainType[guest];
        return guestArch[guest] == hostArch[destination]
                && domainType < 64 && (hostDomainTypes[destination] & (1L << domainType)) != 0
                && Bits.get(hostMachines, destination, width, guestMachine[guest]);
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        Guest g = fleet.guest(guest);
        String effective = effectiveMachine(guest);
        Optional<String> sourceAlias = aliasTarget(fleet.host(fleet.source(guest)), g.machineType());
        if (sourceAlias.isPresent() || !g.machineType().matches(".*\\d.*")) {
            String afterReboot = fleet.hasFacts(destination)
                    ? aliasTarget(fleet.host(destination), g.machineType()).map(m -> ", on "
                            + fleet.hostName(destination) + " its next boot gives it " + m).orElse("")
                    : "";
            findings.risk(ID, "the guest is defined with the unversioned machine type '" + g.machineType()
                    + "' (runs " + effective + ")" + afterReboot
                    + ": pin the versioned name in its definition so a reboot cannot change its hardware");
        }
        if (!fleet.hasFacts(destination)) {
            return;
        }
        Host host = fleet.host(destination);
        String name = fleet.hostName(destination);
        if (!g.arch().equals(host.capabilities().cpu().arch())) {
            findings.violation(ID, name + " is " + host.capabilities().cpu().arch() + ", the guest is " + g.arch(),
                    "choose a " + g.arch() + " host");
        }
        if (!host.capabilities().domainTypes().contains(g.domainType())) {
            findings.violation(ID, name + " offers no '" + g.domainType() + "' domains (it offers "
                    + String.join(", ", host.capabilities().domainTypes()) + ")",
                    "enable " + g.domainType() + " on " + name + " or choose another host");
        }
        boolean offered = host.capabilities().machineTypes().stream().anyMatch(m -> m.name().equals(effective));
        if (!offered) {
            findings.violation(ID, "QEMU " + host.versions().qemu() + " on " + name
                    + " does not offer machine type '" + effective + "'"
                    + (effective.equals(g.machineType()) ? "" : " (the guest is defined as '" + g.machineType()
                            + "', which its source resolved to " + effective + ")")
                    + "; nearest offered: " + nearest(host, effective),
                    "choose a host whose QEMU offers " + effective + " (usually the same or a newer QEMU)");
        }
    }

    /** The machine the guest really runs: its defined name, with an alias resolved as its source host does. */
    public String effectiveMachine(int guest) {
        Guest g = fleet.guest(guest);
        return aliasTarget(fleet.host(fleet.source(guest)), g.machineType()).orElse(g.machineType());
    }

    private static Optional<String> aliasTarget(Host host, String machine) {
        return host.capabilities().machineTypes().stream()
                .filter(m -> m.name().equals(machine))
                .findFirst()
                .flatMap(MachineType::canonical);
    }

    private static String nearest(Host host, String machine) {
        String family = machine.replaceAll("-?\\d+(\\.\\d+)*$", "");
        Map<Boolean, List<String>> byFamily = new HashMap<>(host.capabilities().machineTypes().stream()
                .filter(m -> !m.isAlias())
                .map(MachineType::name)
                .collect(Collectors.partitioningBy(n -> !family.isEmpty() && n.startsWith(family))));
        List<String> same = byFamily.get(true);
        if (same.isEmpty()) {
            return "none of the same family";
        }
        return same.stream().sorted(MachineTypeRule::compareMachines).skip(Math.max(0, same.size() - 3))
                .collect(Collectors.joining(", "));
    }

    private static int compareMachines(String a, String b) {
        String[] x = a.split("[-.]");
        String[] y = b.split("[-.]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
