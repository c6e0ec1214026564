package io.drover.compat;

/**
 * A condition the snapshot cannot decide (e.g. free space on the destination: the model has no disk sizes yet). It
 * does not block; the executor's pre-flight must verify it on the live hosts.
 */
public record UnknownCheck(String ruleId, String reason) {
}
