package io.drover.cli;

/** A failure to report to the operator as one line, with the exit code it maps to; never a stack trace. */
public class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CommandFailure invalidInput(String message) {
        return new CommandFailure(ExitCodes.INVALID_INPUT, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
