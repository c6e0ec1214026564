package io.drover.cli;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.UnknownNameException;
import io.drover.store.ModelJson;
import io.drover.store.SnapshotStore;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What the commands asking about one guest share: the guest, the host it is on, the snapshot and rules, the output. */
public class GuestQuery {

    @Parameters(index = "0", paramLabel = "VM", description = "The guest's name.")
    String guest;

    @Option(names = "--source", paramLabel = "HOST",
            description = "The host the guest is on, when several hosts define a guest of that name.")
    String source;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json")
    OutputFormat output;

    @Mixin
    CompatOptions options;

    /** Asks the compatibility engine of the chosen snapshot; an unknown guest or host is invalid input. */
    <T> T ask(SnapshotStore snapshots, Function<CompatibilityEngine, T> question) {
        CompatibilityEngine engine = options.engine(options.load(snapshots));
        try {
            return question.apply(engine);
        } catch (UnknownNameException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        }
    }

    /** Prints the answer as JSON when asked for and says whether it did. */
    boolean printedAsJson(Object answer, PrintWriter out) {
        if (output != OutputFormat.JSON) {
            return false;
        }
        out.println(ModelJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        return true;
    }
}
