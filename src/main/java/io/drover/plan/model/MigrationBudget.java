package io.drover.plan.model;

/** The most migrations a plan may make (a rebalance's {@code --max-migrations}). A problem fact. */
public record MigrationBudget(int maxMigrations) {

    public MigrationBudget {
        if (maxMigrations < 0) {
            throw new IllegalArgumentException("the migration budget cannot be negative: " + maxMigrations);
        }
    }
}
