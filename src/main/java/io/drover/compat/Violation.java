package io.drover.compat;

/** Why a migration is refused, by which rule, and what would fix it. */
public record Violation(String ruleId, String reason, String fix) {
}
