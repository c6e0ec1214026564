package io.drover.cli;

import io.drover.compat.CompatibilityEngine;
import io.drover.libvirt.HypervisorConnection;
import io.drover.libvirt.LibvirtConnector;
import io.drover.store.ModelJson;
import io.drover.store.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "The best CPU definition every host of a pool can run (libvirt's baseline algorithm, offline), "
                + "the hosts that hold it back, and the running guests of the pool that cannot move to every host.")
public class BaselineCommand extends BaseCommand {

    @Option(names = "--pool", required = true, paramLabel = "SELECTOR",
            description = "Hosts whose labels match all of key=value[,key=value...], e.g. pool=gen9,rack=r1.")
    String pool;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json")
    OutputFormat output;

    @Mixin
    CompatOptions options;

    BaselineCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() throws Exception {
        var selector = PoolBaseline.selector(pool);
        CompatibilityEngine engine = options.engine(options.load(bean(SnapshotStore.class)));
        PoolBaseline.Report report;
        try (HypervisorConnection offline = bean(LibvirtConnector.class).open("test:///default")) {
            report = PoolBaseline.compute(engine, selector, engine.fleet().cpuMap(), offline);
        }
        if (output == OutputFormat.JSON) {
            out().println(ModelJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return ExitCodes.OK;
        }
        out().printf("Pool %s: %d hosts (%s)%n%n", pool, report.hosts().size(), String.join(", ", report.hosts()));
        out().println("Baseline CPU for the domain definitions of this pool:");
        out().println(report.baselineXml().strip());
        out().println();
        if (report.holdBacks().isEmpty()) {
            out().println("No single host holds the baseline back.");
        }
        for (PoolBaseline.HoldBack holdBack : report.holdBacks()) {
            out().printf("without %s the baseline gains %s%n", holdBack.host(), String.join(", ", holdBack.gained()));
        }
        out().println();
        if (report.stuckGuests().isEmpty()) {
            out().println("Every running guest of the pool can move to every other host of the pool.");
        }
        for (PoolBaseline.StuckGuest stuck : report.stuckGuests()) {
            out().printf("%s (on %s) cannot move to: %s%n", stuck.guest(), stuck.source(),
                    stuck.blockedBy().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return ExitCodes.OK;
    }
}
