package io.drover.inventory;

/** A fleet file or dump directory that cannot be read at all; the message names the file and line. */
public class FleetDefinitionException extends RuntimeException {

    public FleetDefinitionException(String message) {
        super(message);
    }

    public FleetDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
