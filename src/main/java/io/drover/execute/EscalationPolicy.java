package io.drover.execute;

import java.time.Duration;

/**
 * How one guest's migration escalates when it does not converge: its max downtime is raised in steps up to
 * {@code maxDowntime}, then {@code timeoutAction} is taken.
 *
 * @param migrationClass the class it came from ({@code default} for the global policy)
 */
public record EscalationPolicy(String migrationClass, TimeoutAction timeoutAction, Duration maxDowntime) {
}
