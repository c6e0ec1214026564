package io.drover.execute;

import java.util.Optional;

/** One {@code drover apply} of one plan, as recorded in {@code apply_run}; resumed runs keep their row. */
public record ApplyRun(long id, String planId, String contentHash, String planFile, Status status,
        Optional<String> error) {

    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED,
        /** Pre-flight found the fleet no longer as the plan expects: re-plan. */
        REFUSED,
        /** An operator aborted it ({@code drover abort RUN}); applying the plan again resumes it. */
        ABORTED
    }

    /** What an operator asked of a run ({@code drover pause|resume|abort RUN}), stored in {@code apply_run.control}. */
    public enum Control {
        /** Start moves freely. */
        RUN,
        /** Start no new move; running ones finish. */
        PAUSE,
        /** Cancel running migrations, start nothing more, end the run ABORTED. */
        ABORT
    }
}
