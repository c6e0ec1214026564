package io.drover.compat;

/** What every rule shares: its stable id and the fleet index it precomputes from and answers about. */
abstract class FleetRule implements CompatibilityRule {

    protected final FleetIndex fleet;
    private final String id;

    protected FleetRule(String id, FleetIndex fleet) {
        this.id = id;
        this.fleet = fleet;
    }

    @Override
    public final String id() {
        return id;
    }
}
