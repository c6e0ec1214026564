package io.drover.inventory;

import io.drover.model.PowerState;
import java.util.Optional;

/**
 * A domain as read from a host, before parsing: libvirt's XML, its live state when a daemon reported one, and where
 * it came from for error messages.
 */
public record RawDomain(String origin, Optional<PowerState> liveState, String xml) {
}
