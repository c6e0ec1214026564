package io.drover.cli;

import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Makes, shows and checks migration plans (files under plans/, reviewed before they are applied).",
        subcommands = {PlanDrainCommand.class, PlanCampaignCommand.class, PlanRebalanceCommand.class,
                PlanShowCommand.class, PlanCheckCommand.class})
public class PlanCommand {
}
