package io.drover.inventory;

/** What collecting one host gave: its inventory, or the reason it could not be read. */
public sealed interface HostOutcome {

    HostSource source();

    record Collected(HostSource source, HostInventory inventory) implements HostOutcome {
    }

    record Failed(HostSource source, String error) implements HostOutcome {
    }
}
