package io.drover.compat;

import java.util.ArrayList;
import java.util.List;

/** Where rules write what they found for one guest and destination while a {@link Verdict} is built. */
public final class Findings {

    private final List<Violation> violations = new ArrayList<>();
    private final List<Risk> risks = new ArrayList<>();
    private final List<UnknownCheck> unknowns = new ArrayList<>();

    public void violation(String ruleId, String reason, String fix) {
        violations.add(new Violation(ruleId, reason, fix));
    }

    public void risk(String ruleId, String reason) {
        risks.add(new Risk(ruleId, reason));
    }

    public void unknown(String ruleId, String reason) {
        unknowns.add(new UnknownCheck(ruleId, reason));
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public List<Risk> risks() {
        return List.copyOf(risks);
    }

    public List<UnknownCheck> unknowns() {
        return List.copyOf(unknowns);
    }
}
