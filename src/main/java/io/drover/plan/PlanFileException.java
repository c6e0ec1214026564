package io.drover.plan;

/** A plan file that cannot be trusted: unreadable, of another format, or changed since it was written. */
public class PlanFileException extends RuntimeException {

    public PlanFileException(String message) {
        super(message);
    }

    public PlanFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
