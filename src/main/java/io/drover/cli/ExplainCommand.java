package io.drover.cli;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.UnknownNameException;
import io.drover.compat.Verdict;
import io.drover.store.ModelJson;
import io.drover.store.SnapshotStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "For every other host of a snapshot: whether a guest can migrate there, how, or why not.")
public class ExplainCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "VM", description = "The guest's name.")
    String guest;

    @Option(names = "--source", paramLabel = "HOST",
            description = "The host the guest is on, when several hosts define a guest of that name.")
    String source;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json")
    OutputFormat output;

    @Mixin
    CompatOptions options;

    ExplainCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() throws Exception {
        CompatibilityEngine engine = options.engine(options.load(bean(SnapshotStore.class)));
        List<Verdict> verdicts;
        try {
            verdicts = source == null ? engine.explain(guest) : engine.explain(guest, source);
        } catch (UnknownNameException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        }
        if (output == OutputFormat.JSON) {
            out().println(ModelJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(verdicts));
            return ExitCodes.OK;
        }
        long allowed = verdicts.stream().filter(Verdict::allowed).count();
        out().printf("%s: %d of %d hosts allowed%n", guest, allowed, verdicts.size());
        for (Verdict verdict : verdicts) {
            out().printf("%n%s: %s%n", verdict.destination(), VerdictText.summary(verdict));
            VerdictText.details(verdict, out(), "  ");
        }
        return ExitCodes.OK;
    }
}
