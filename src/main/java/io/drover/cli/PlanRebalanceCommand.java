package io.drover.cli;

import io.drover.plan.PlanKind;
import io.drover.plan.PlanRequest;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rebalance", mixinStandardHelpOptions = true,
        description = "Plans bringing every host under a load threshold (memory and vCPUs allocated, as shares of "
                + "capacity with the overcommit policy) with as few migrations and bytes moved as possible, then "
                + "evening out load; guests move only among the selected hosts, in waves.")
public class PlanRebalanceCommand extends MakePlanCommand {

    @Parameters(arity = "0..*", paramLabel = "SELECTOR",
            description = "Hosts to rebalance, by name or label selector (key=value[,key=value]); default: all.")
    List<String> hosts = List.of();

    @Option(names = "--max-load", defaultValue = "80", paramLabel = "PERCENT",
            description = "Load every host should end under, memory and vCPUs alike (default 80).")
    double maxLoadPercent;

    @Option(names = "--max-migrations", paramLabel = "N", description = "The most migrations the plan may make.")
    Integer maxMigrations;

    PlanRebalanceCommand(SpringContext spring) {
        super(spring);
    }

    @Override
    PlanKind kind() {
        return PlanKind.REBALANCE;
    }

    @Override
    List<String> hosts() {
        return hosts;
    }

    @Override
    Optional<PlanRequest.Rebalancing> rebalance() {
        return Optional.of(new PlanRequest.Rebalancing(maxLoadPercent / 100, Optional.ofNullable(maxMigrations)));
    }
}
