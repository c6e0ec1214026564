package io.drover.cli;

import io.drover.execute.ApplyRun;
import io.drover.execute.ApplyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code drover pause|resume|abort RUN}: an operator's request to a running {@code drover apply}, stored in
 * PostgreSQL so that it works from any process; the applying process reads it before starting each move and on every
 * job-statistics poll. Exit 2 when there is no such run, 3 when the run is not running (or already being aborted).
 */
abstract class RunControlCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The apply run's id (printed by drover apply).")
    long runId;

    private final ApplyRun.Control control;
    private final String effect;

    RunControlCommand(SpringContext spring, ApplyRun.Control control, String effect) {
        super(spring);
        this.control = control;
        this.effect = effect;
    }

    @Override
    protected int doCall() {
        ApplyStore store = bean(ApplyStore.class);
        ApplyRun run = store.request(runId, control)
                .orElseThrow(() -> CommandFailure.invalidInput("there is no apply run " + runId));
        if (run.status() != ApplyRun.Status.RUNNING) {
            throw new CommandFailure(ExitCodes.UNEXPECTED_STATE, "run " + runId + " of plan " + run.planId()
                    + " is " + run.status() + ", not running" + (control == ApplyRun.Control.RUN
                            ? ": apply the plan again to resume it" : ""));
        }
        if (control != ApplyRun.Control.ABORT && store.control(runId) == ApplyRun.Control.ABORT) {
            throw new CommandFailure(ExitCodes.UNEXPECTED_STATE, "run " + runId + " of plan " + run.planId()
                    + " is being aborted; apply the plan again once it has ended to resume it");
        }
        out().printf("Run %d of plan %s: %s%n", runId, run.planId(), effect);
        return ExitCodes.OK;
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pauses a running drover apply: no new move starts, running migrations finish.")
    static class Pause extends RunControlCommand {
        Pause(SpringContext spring) {
            super(spring, ApplyRun.Control.PAUSE, "pause requested; running migrations finish, no new move starts");
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Lets a paused drover apply start moves again.")
    static class Resume extends RunControlCommand {
        Resume(SpringContext spring) {
            super(spring, ApplyRun.Control.RUN, "resume requested; moves start again");
        }
    }

    @Command(name = "abort", mixinStandardHelpOptions = true,
            description = "Aborts a running drover apply: cancels its running libvirt migrations (the guests stay on "
                    + "their sources), starts nothing more; the run ends ABORTED. Applying the plan again resumes it.")
    static class Abort extends RunControlCommand {
        Abort(SpringContext spring) {
            super(spring, ApplyRun.Control.ABORT, "abort requested; running migrations are cancelled, nothing more "
                    + "starts");
        }
    }
}
