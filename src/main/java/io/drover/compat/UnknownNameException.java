package io.drover.compat;

/** A guest or host name that the snapshot does not have (or a guest name that is ambiguous). */
public class UnknownNameException extends IllegalArgumentException {

    public UnknownNameException(String message) {
        super(message);
    }
}
