package io.drover.libvirt;

import io.drover.model.Secrets;

/** A failed libvirt call, with the host it was made against and libvirt's own code and message. */
public class LibvirtFailure extends RuntimeException {

    private final String uri;
    private final int code;
    private final LibvirtErrorKind kind;

    public LibvirtFailure(String uri, String operation, int code, String libvirtMessage, Throwable cause) {
        super(Secrets.redact(operation + " on " + uri + ": " + libvirtMessage + " (libvirt error " + code + ")"),
                cause);
        this.uri = uri;
        this.code = code;
        this.kind = LibvirtErrorKind.ofCode(code);
    }

    public String uri() {
        return uri;
    }

    public int code() {
        return code;
    }

    public LibvirtErrorKind kind() {
        return kind;
    }
}
