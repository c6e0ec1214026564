package io.drover.cli;

import io.drover.plan.PlanKind;
import io.drover.plan.PlanRequest;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "drain", mixinStandardHelpOptions = true,
        description = "Plans emptying hosts: every guest on them moves to a compatible host with room, in waves; "
                + "nothing else moves. Writes the plan under --out and prints it for review.")
public class PlanDrainCommand extends MakePlanCommand {

    PlanDrainCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    PlanKind kind() {
        return PlanKind.DRAIN;
    }

    @Override
    Optional<PlanRequest.Campaign> campaign() {
        return Optional.empty();
    }
}
