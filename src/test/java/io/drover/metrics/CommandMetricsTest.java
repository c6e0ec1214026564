package io.drover.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.CompatibilityPolicy;
import io.drover.inventory.job.InventoryLauncher;
import io.drover.plan.PlanKind;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlanRequest;
import io.drover.plan.job.PlanLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The inventory and plan jobs record what they did in {@link DroverMetrics}. */
@SpringBootTest
@ActiveProfiles("test")
class CommandMetricsTest {

    @Autowired
    InventoryLauncher inventory;

    @Autowired
    PlanLauncher planner;

    @Autowired
    DroverMetrics metrics;

    @TempDir
    Path dir;

    @Test
    void inventoryHostsAndPlanningAreMeasured() throws Exception {
        long snapshot = inventory.run(Path.of("plans/examples/lab-fleet")).snapshotId().orElseThrow();
        planner.run(new PlanRequest(PlanKind.DRAIN, snapshot, List.of("lab-host1"), PlanLimits.DEFAULTS,
                CompatibilityPolicy.defaults(), Duration.ofSeconds(2), dir.toString(), Optional.empty(), Optional.empty(),
                List.of()));

        assertThat(metrics.scrape()).contains("drover_inventory_host_seconds_count{outcome=\"collected\"} 3",
                "drover_plan_seconds_count{kind=\"DRAIN\"} 1", "drover_plan_migrations_sum{kind=\"DRAIN\"} 2.0");
    }
}
