package io.drover.model;

/** A domain's state, as libvirt's {@code virDomainState}. */
public enum PowerState {
    NOSTATE, RUNNING, BLOCKED, PAUSED, SHUTDOWN, SHUTOFF, CRASHED, PMSUSPENDED;

    /** Maps libvirt's numeric {@code virDomainState}. */
    public static PowerState fromLibvirtCode(int code) {
        PowerState[] states = values();
        if (code < 0 || code >= states.length) {
            throw new IllegalArgumentException("unknown domain state " + code);
        }
        return states[code];
    }

    /** Whether QEMU is running for the domain, i.e. a migration would be live. */
    public boolean isActive() {
        return this == RUNNING || this == BLOCKED || this == PAUSED || this == PMSUSPENDED;
    }
}
