package io.drover.cli;

import io.drover.store.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the summary of a stored snapshot.")
public class InventoryShowCommand extends BaseCommand {

    @Mixin
    SnapshotOption snapshot;

    @Mixin
    SnapshotOutput output;

    InventoryShowCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() throws Exception {
        output.print(snapshot.summary(bean(SnapshotStore.class)), out());
        return ExitCodes.OK;
    }
}
