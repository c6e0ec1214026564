package io.drover.plan;

/** Why a guest cannot move: the rule (a compatibility rule id, or {@code capacity}) and what would unblock it. */
public record BlockReason(String ruleId, String reason, String fix) {
}
