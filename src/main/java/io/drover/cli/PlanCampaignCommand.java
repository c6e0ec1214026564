package io.drover.cli;

import io.drover.model.UpgradeTarget;
import io.drover.model.Version;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanRequest;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Plans a rolling upgrade: hosts in batches, each emptied then upgraded before the next; guests "
                + "only ever move to the same or newer versions, and upgraded hosts receive later batches' guests.")
public class PlanCampaignCommand extends MakePlanCommand {

    @Mixin
    HostsToEmpty hostsToUpgrade;

    @Option(names = "--qemu", paramLabel = "VERSION", description = "QEMU version after the upgrade (e.g. 8.2.0).")
    String qemu;

    @Option(names = "--libvirt", paramLabel = "VERSION", description = "libvirt version after the upgrade.")
    String libvirt;

    @Option(names = "--kernel", paramLabel = "VERSION", description = "Kernel version after the upgrade.")
    String kernel;

    @Option(names = "--batch-size", defaultValue = "1", description = "Hosts emptied and upgraded at once (K).")
    int batchSize;

    @Option(names = "--headroom", defaultValue = "10", paramLabel = "PERCENT",
            description = "Share of every host's memory kept free throughout (default 10).")
    double headroomPercent;

    PlanCampaignCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    PlanKind kind() {
        return PlanKind.UPGRADE_CAMPAIGN;
    }

    @Override
    List<String> hosts() {
        return hostsToUpgrade.hosts;
    }

    @Override
    Optional<PlanRequest.Campaign> campaign() {
        UpgradeTarget target = new UpgradeTarget(version(libvirt), version(qemu), version(kernel));
        return Optional.of(new PlanRequest.Campaign(target, batchSize, headroomPercent / 100));
    }

    private static Optional<Version> version(String text) {
        return Optional.ofNullable(text).map(Version::parse);
    }
}
