package io.drover.cli;

import io.drover.compat.Verdict;
import io.drover.store.SnapshotStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "For every other host of a snapshot: whether a guest can migrate there, how, or why not.")
public class ExplainCommand extends BaseCommand {

    @Mixin
    GuestQuery query;

    ExplainCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() {
        List<Verdict> verdicts = query.ask(bean(SnapshotStore.class), engine -> query.source == null
                ? engine.explain(query.guest) : engine.explain(query.guest, query.source));
        if (query.printedAsJson(verdicts, out())) {
            return ExitCodes.OK;
        }
        long allowed = verdicts.stream().filter(Verdict::allowed).count();
        out().printf("%s: %d of %d hosts allowed%n", query.guest, allowed, verdicts.size());
        for (Verdict verdict : verdicts) {
            out().printf("%n%s: %s%n", verdict.destination(), VerdictText.summary(verdict));
            VerdictText.details(verdict, out(), "  ");
        }
        return ExitCodes.OK;
    }
}
