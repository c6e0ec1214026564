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
        REFUSED
    }
}
