package io.drover.cli;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.UnknownNameException;
import io.drover.compat.Verdict;
import io.drover.store.ModelJson;
import io.drover.store.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Says whether a guest can migrate to a host of a snapshot, how, and every reason why not.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:allowed", "1:blocked", "2:unknown guest or host, or invalid input"})
public class CheckCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "VM", description = "The guest's name.")
    String guest;

    @Parameters(index = "1", paramLabel = "HOST", description = "The destination host.")
    String destination;

    @Option(names = "--source", paramLabel = "HOST",
            description = "The host the guest is on, when several hosts define a guest of that name.")
    String source;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json")
    OutputFormat output;

    @Mixin
    CompatOptions options;

    CheckCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() throws Exception {
        CompatibilityEngine engine = options.engine(options.load(bean(SnapshotStore.class)));
        Verdict verdict;
        try {
            verdict = source == null ? engine.check(guest, destination) : engine.check(guest, source, destination);
        } catch (UnknownNameException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        }
        if (output == OutputFormat.JSON) {
            out().println(ModelJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(verdict));
        } else {
            VerdictText.print(verdict, out());
        }
        return verdict.allowed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
