package io.drover.cli;

import io.drover.inventory.Fleet;
import io.drover.inventory.FleetDefinitionException;
import io.drover.inventory.InventoryProgress;
import io.drover.inventory.job.InventoryLauncher;
import io.drover.inventory.job.InventoryLauncher.InventoryRun;
import io.drover.model.SnapshotSummary;
import io.drover.store.SnapshotStore;
import io.drover.model.HostStatus;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Collects every host of a fleet (a fleet file of libvirt URIs, or a directory of virsh dumps) "
                + "into a new immutable snapshot and prints its summary.",
        subcommands = {InventoryExportCommand.class, InventoryShowCommand.class})
public class InventoryCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FLEET",
            description = "A fleet file (YAML) or a directory of virsh dumps.")
    Path fleet;

    @Mixin
    SnapshotOutput output;

    InventoryCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() throws Exception {
        if (fleet == null) {
            throw CommandFailure.invalidInput("inventory needs a FLEET file or dump directory (see --help)");
        }
        try {
            // Read once before Spring and the database start, so a typo answers at once and opens no snapshot.
            Fleet.load(fleet);
        } catch (FleetDefinitionException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        }
        InventoryLauncher launcher = bean(InventoryLauncher.class);
        InventoryRun run;
        try (InventoryProgressLine progress = InventoryProgressLine.show(spec.commandLine().getErr(),
                bean(InventoryProgress.class))) {
            run = launcher.run(fleet);
        }
        long snapshotId = run.snapshotId().orElseThrow(() -> new CommandFailure(ExitCodes.FAILURE,
                "inventory " + run.status().name().toLowerCase() + ": " + run.failure()));
        SnapshotSummary snapshot = bean(SnapshotStore.class).summary(snapshotId).orElseThrow();
        output.print(snapshot, out());
        boolean partial = !snapshot.problems().isEmpty()
                || snapshot.hosts().stream().anyMatch(host -> host.status() != HostStatus.OK);
        return partial ? ExitCodes.PARTIAL : ExitCodes.OK;
    }
}
