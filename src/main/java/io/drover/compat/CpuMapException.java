package io.drover.compat;

/** libvirt's CPU map is missing or unreadable; the message names the path. */
public class CpuMapException extends RuntimeException {

    public CpuMapException(String message) {
        super(message);
    }

    public CpuMapException(String message, Throwable cause) {
        super(message, cause);
    }
}
