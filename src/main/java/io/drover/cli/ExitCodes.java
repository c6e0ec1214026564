package io.drover.cli;

/** Drover's exit codes, one table for every command (documented in the README). */
public final class ExitCodes {

    public static final int OK = 0;
    /** The work ran and failed (a job failed, a migration failed). */
    public static final int FAILURE = 1;
    /** Bad arguments, or a fleet file, dump or plan that cannot be read. */
    public static final int INVALID_INPUT = 2;
    /** The world is not as expected (e.g. the fleet changed since the plan). */
    public static final int UNEXPECTED_STATE = 3;
    /** A bug: the message and stack trace belong in an issue. */
    public static final int INTERNAL_ERROR = 4;
    /** The planner found no feasible plan. */
    public static final int NO_FEASIBLE_PLAN = 5;
    /** The work completed, but some hosts could not be collected or were rejected. */
    public static final int PARTIAL = 6;

    private ExitCodes() {
    }
}
