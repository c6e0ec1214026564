package io.drover.inventory;

import io.drover.model.Host;
import java.util.List;

/** One host's complete inventory: its facts and every guest defined on it. */
public record HostInventory(Host host, List<InventoriedGuest> guests) {

    public HostInventory {
        guests = List.copyOf(guests);
    }
}
