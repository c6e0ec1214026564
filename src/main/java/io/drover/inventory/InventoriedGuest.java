package io.drover.inventory;

import io.drover.model.Guest;

/** A guest's facts plus libvirt's own XML of it, which stays the authoritative definition. */
public record InventoriedGuest(Guest guest, String xml) {
}
