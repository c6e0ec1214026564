package io.drover.libvirt;

import io.drover.model.PowerState;

/** A domain as listed on one host: its name, live state and libvirt's own XML of its definition. */
public record DomainDescription(String name, PowerState state, String xml) {
}
