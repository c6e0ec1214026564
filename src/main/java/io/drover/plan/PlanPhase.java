package io.drover.plan;

import java.util.List;

/**
 * A step of a plan: the waves that empty some hosts, and for upgrade campaigns the hosts to upgrade once they are
 * empty (before the next phase may use them as destinations). A host emptied but not upgraded still has a guest that
 * could not leave: the plan's blocked list says which and why.
 */
public record PlanPhase(int number, List<String> hostsEmptied, List<String> hostsToUpgrade,
        List<MigrationWave> waves) {

    public PlanPhase {
        hostsEmptied = List.copyOf(hostsEmptied);
        hostsToUpgrade = List.copyOf(hostsToUpgrade);
        waves = List.copyOf(waves);
    }
}
