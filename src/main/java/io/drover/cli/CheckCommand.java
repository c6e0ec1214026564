package io.drover.cli;

import io.drover.compat.Verdict;
import io.drover.store.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Says whether a guest can migrate to a host of a snapshot, how, and every reason why not.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:allowed", "1:blocked", "2:unknown guest or host, or invalid input"})
public class CheckCommand extends BaseCommand {

    @Mixin
    GuestQuery query;

    @Parameters(index = "1", paramLabel = "HOST", description = "The destination host.")
    String destination;

    CheckCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() {
        Verdict verdict = query.ask(bean(SnapshotStore.class), engine -> query.source == null
                ? engine.check(query.guest, destination) : engine.check(query.guest, query.source, destination));
        if (!query.printedAsJson(verdict, out())) {
            VerdictText.print(verdict, out());
        }
        return verdict.allowed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
