package io.drover.plan;

import java.util.List;

/**
 * A step of a plan: the waves that empty some hosts, and for upgrade campaigns the hosts to upgrade once they are
 * empty (before the next phase may use them as destinations).
 */
public record PlanPhase(int number, List<String> hostsToUpgrade, List<MigrationWave> waves) {

    public PlanPhase {
        hostsToUpgrade = List.copyOf(hostsToUpgrade);
        waves = List.copyOf(waves);
    }
}
