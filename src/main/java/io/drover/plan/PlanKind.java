package io.drover.plan;

/** What a plan is for. */
public enum PlanKind {
    /** Evacuate hosts: every guest leaves them. */
    DRAIN,
    /** Upgrade hosts batch by batch; guests only ever move to the same or newer versions. */
    UPGRADE_CAMPAIGN,
    /** Bring hosts under a load threshold with as few and as small migrations as possible. */
    REBALANCE
}
