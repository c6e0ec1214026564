package io.drover.compat;

/** Something an operator should know before the migration; it does not block it. */
public record Risk(String ruleId, String reason) {
}
