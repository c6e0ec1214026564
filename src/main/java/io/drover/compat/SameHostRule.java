package io.drover.compat;

/** {@code same-host}: a guest cannot migrate to the host it is on. */
public final class SameHostRule extends FleetRule {

    public static final String ID = "same-host";

    public SameHostRule(FleetIndex fleet) {
        super(ID, fleet);
    }

    @Override
    public boolean allows(int guest, int destination) {
        return fleet.source(guest) != destination;
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        if (!allows(guest, destination)) {
            findings.violation(ID, "the guest is already on " + fleet.hostName(destination),
                    "choose another destination");
        }
    }
}
