package io.drover.cli;

import io.drover.model.FleetSnapshot;
import io.drover.store.ModelJson;
import io.drover.store.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the summary of a stored snapshot.")
public class InventoryShowCommand extends BaseCommand {

    @Mixin
    SnapshotOption snapshot;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json")
    OutputFormat output;

    InventoryShowCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() throws Exception {
        SnapshotStore store = bean(SnapshotStore.class);
        long id = snapshot.resolve(store);
        FleetSnapshot found = store.load(id)
                .orElseThrow(() -> CommandFailure.invalidInput("no complete snapshot with id " + id));
        if (output == OutputFormat.JSON) {
            out().println(ModelJson.mapper().writeValueAsString(found));
        } else {
            SnapshotReport.print(found, out());
        }
        return ExitCodes.OK;
    }
}
