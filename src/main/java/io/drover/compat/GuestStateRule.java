package io.drover.compat;

import io.drover.model.Guest;

/**
 * {@code guest-state}: live migration needs a guest whose QEMU runs (running, paused, blocked, suspended). Moving
 * the definition of a shut-off guest (offline migration) is not something Drover does yet.
 */
public final class GuestStateRule extends FleetRule {

    public static final String ID = "guest-state";

    public GuestStateRule(FleetIndex fleet) {
        super(ID, fleet);
    }

    @Override
    public boolean allows(int guest, int destination) {
        return fleet.guest(guest).state().isActive();
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        Guest g = fleet.guest(guest);
        if (!allows(guest, destination)) {
            findings.violation(ID, "the guest is " + g.state().name().toLowerCase()
                    + ": only a guest whose QEMU runs can migrate live",
                    "start " + g.name() + " first (offline moves of definitions are not supported yet)");
        }
    }
}
