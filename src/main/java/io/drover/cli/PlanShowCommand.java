package io.drover.cli;

import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanFileException;
import io.drover.store.ModelJson;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Verifies a plan file's hash and prints it: waves, moves, blocked guests and why.")
public class PlanShowCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "A plan file.")
    Path file;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json")
    OutputFormat output;

    PlanShowCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    protected int doCall() {
        PlanFile planFile = new PlanFile();
        Plan plan = read(planFile, file);
        if (output == OutputFormat.JSON) {
            out().println(ModelJson.mapper().writeValueAsString(plan));
        } else {
            PlanReport.print(plan, planFile.contentHash(plan), out());
        }
        return ExitCodes.OK;
    }

    static Plan read(PlanFile planFile, Path file) {
        try {
            return planFile.read(file);
        } catch (PlanFileException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        }
    }
}
