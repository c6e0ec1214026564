package io.drover.cli;

import io.drover.plan.PlanKind;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "drain", mixinStandardHelpOptions = true,
        description = "Plans emptying hosts: every guest on them moves to a compatible host with room, in waves; "
                + "nothing else moves. Writes the plan under --out and prints it for review.")
public class PlanDrainCommand extends MakePlanCommand {

    @Mixin
    HostsToEmpty hostsToEmpty;

    PlanDrainCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    PlanKind kind() {
        return PlanKind.DRAIN;
    }

    @Override
    List<String> hosts() {
        return hostsToEmpty.hosts;
    }
}
