package io.drover.compat;

import io.drover.model.Host;
import io.drover.model.HostVersions;
import io.drover.model.Version;

/**
 * {@code versions}: never from newer to older. The destination's QEMU and libvirt must be the same or newer than
 * the source's, and so must its kernel when both kernels are known (Nova: {@code DestinationHypervisorTooOld}).
 */
public final class VersionsRule extends FleetRule {

    public static final String ID = "versions";

    private final long[] qemu;
    private final long[] libvirt;
    private final long[] kernel;

    public VersionsRule(FleetIndex fleet) {
        super(ID, fleet);
        int hosts = fleet.hostCount();
        qemu = new long[hosts];
        libvirt = new long[hosts];
        kernel = new long[hosts];
        for (int h = 0; h < hosts; h++) {
            if (fleet.hasFacts(h)) {
                HostVersions versions = fleet.host(h).versions();
                qemu[h] = encode(versions.qemu());
                libvirt[h] = encode(versions.libvirt());
                kernel[h] = versions.kernel().map(VersionsRule::encode).orElse(-1L);
            }
        }
    }

    private static long encode(Version version) {
        return version.major() * 1_000_000_000_000L + version.minor() * 1_000_000L + version.micro();
    }

    @Override
    public boolean allows(int guest, int destination) {
        if (!fleet.hasFacts(destination)) {
            return true;
        }
        int source = fleet.source(guest);
        return qemu[destination] >= qemu[source] && libvirt[destination] >= libvirt[source]
                && (kernel[source] < 0 || kernel[destination] < 0 || kernel[destination] >= kernel[source]);
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        if (!fleet.hasFacts(destination)) {
            return;
        }
        Host from = fleet.host(fleet.source(guest));
        Host to = fleet.host(destination);
        compare("QEMU", from.versions().qemu(), to.versions().qemu(), from, to, findings);
        compare("libvirt", from.versions().libvirt(), to.versions().libvirt(), from, to, findings);
        if (from.versions().kernel().isPresent() && to.versions().kernel().isPresent()) {
            compare("kernel", from.versions().kernel().get(), to.versions().kernel().get(), from, to, findings);
        }
    }

    private static void compare(String what, Version from, Version to, Host source, Host destination,
            Findings findings) {
        if (to.isOlderThan(from)) {
            findings.violation(ID, destination.name() + " runs " + what + " " + to + ", older than " + from + " on "
                    + source.name() + ": a guest never moves from newer to older",
                    "upgrade " + what + " on " + destination.name() + " to " + from + " or later, "
                            + "or choose a host at least that new");
        }
    }
}
