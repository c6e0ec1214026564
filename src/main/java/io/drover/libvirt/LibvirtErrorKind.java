package io.drover.libvirt;

/**
 * What a libvirt error means for Drover, so callers decide on retry, skip or refusal without knowing libvirt's
 * {@code virErrorNumber}s.
 */
public enum LibvirtErrorKind {
    /** The host did not answer: connection refused, no route, RPC broken. Worth retrying later. */
    HOST_UNREACHABLE(true),
    AUTH_FAILED(false),
    /** The driver or hypervisor lacks the call (e.g. the test:/// driver and migration). */
    UNSUPPORTED(false),
    NOT_FOUND(false),
    /** libvirt refused because the guest cannot run or migrate there (machine type, CPU, unsafe storage). */
    INCOMPATIBLE(false),
    /** The domain is not in a state that allows the call. */
    INVALID_STATE(false),
    ABORTED(false),
    TIMEOUT(true),
    BUSY(true),
    FAILED(false);

    private final boolean transientFailure;

    LibvirtErrorKind(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** Classifies a C {@code virErrorNumber}. */
    public static LibvirtErrorKind ofCode(int code) {
        return switch (code) {
            case 5, 38, 39 -> HOST_UNREACHABLE;        // NO_CONNECT, SYSTEM_ERROR, RPC
            case 45, 79, 88 -> AUTH_FAILED;            // AUTH_FAILED, AUTH_CANCELLED, ACCESS_DENIED
            case 3, 74, 84 -> UNSUPPORTED;             // NO_SUPPORT, ARGUMENT_UNSUPPORTED, OPERATION_UNSUPPORTED
            case 42 -> NOT_FOUND;                      // NO_DOMAIN
            case 67, 81, 91 -> INCOMPATIBLE;           // CONFIG_UNSUPPORTED, MIGRATE_UNSAFE, CPU_INCOMPATIBLE
            case 55 -> INVALID_STATE;                  // OPERATION_INVALID
            case 78 -> ABORTED;                        // OPERATION_ABORTED
            case 68 -> TIMEOUT;                        // OPERATION_TIMEOUT
            case 83, 87 -> BUSY;                       // BLOCK_COPY_ACTIVE, RESOURCE_BUSY
            default -> FAILED;
        };
    }
}
