package io.drover.compat;

/**
 * One migration rule over a {@link FleetIndex}. Guests and hosts are the index's numbers; a rule precomputes what
 * it needs when it is built, so that {@link #allows} is allocation-free and cheap enough to call for every guest ×
 * host pair, while {@link #explain} builds the full reasons only when asked. Both must agree: {@code allows} is
 * false exactly when {@code explain} reports a violation.
 */
public interface CompatibilityRule {

    /** The stable id used in verdicts and plan files ({@code machine-type}, {@code cpu}…). */
    String id();

    boolean allows(int guest, int destination);

    /** Reports this rule's violations, risks and open questions for the pair. */
    void explain(int guest, int destination, Findings findings);
}
