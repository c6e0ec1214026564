package io.drover.inventory;

/** A host whose facts cannot be trusted; the message names the host and the file or domain at fault. */
public class InventoryException extends RuntimeException {

    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
