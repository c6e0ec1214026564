package io.drover.cli;

import io.drover.store.ModelJson;
import io.drover.store.SnapshotDocument;
import io.drover.store.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a snapshot, with every guest's domain XML, in the JSON form of docs/snapshot-json.md.")
public class InventoryExportCommand extends BaseCommand {

    @Mixin
    SnapshotOption snapshot;

    @Option(names = "--json", required = true, description = "Export as JSON (the only format so far).")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path file;

    InventoryExportCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() throws Exception {
        SnapshotStore store = bean(SnapshotStore.class);
        long id = snapshot.resolve(store);
        SnapshotDocument document = store.export(id)
                .orElseThrow(() -> CommandFailure.invalidInput("no complete snapshot with id " + id));
        String text = ModelJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
        if (file == null) {
            out().println(text);
        } else {
            Files.writeString(file, text);
            out().printf("Snapshot %d written to %s%n", id, file);
        }
        return ExitCodes.OK;
    }
}
