package io.drover.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drover's metrics, one method per thing that happened, so callers never name meters or tags. Prometheus names:
 * {@code drover_inventory_host_seconds{outcome}}, {@code drover_inventory_host_errors_total},
 * {@code drover_plan_seconds{kind}}, {@code drover_plan_migrations}, {@code drover_plan_blocked_guests},
 * {@code drover_migrations_total{result,mode}}, {@code drover_migration_seconds{result}},
 * {@code drover_migration_downtime_seconds}, {@code drover_migration_transferred_bytes_total},
 * {@code drover_migrations_in_flight}. Thread-safe: inventory partitions and apply workers record concurrently.
 */
public final class DroverMetrics {

    private final PrometheusMeterRegistry registry;
    private final AtomicInteger migrationsInFlight = new AtomicInteger();

    public DroverMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    DroverMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("drover.migrations.in.flight", migrationsInFlight, AtomicInteger::get)
                .description("Migrations running now").register(registry);
    }

    /** One host collected ({@code failed} false) or recorded as failed (unreachable, bad dump, timed out). */
    public void inventoryHost(boolean failed, Duration took) {
        Timer.builder("drover.inventory.host").description("Time to collect one host, connect included")
                .tag("outcome", failed ? "failed" : "collected").register(registry).record(took);
        if (failed) {
            Counter.builder("drover.inventory.host.errors").description("Hosts that could not be collected")
                    .register(registry).increment();
        }
    }

    /** One plan made: how long the planner took, what it moves and what it could not. */
    public void planMade(String kind, Duration took, long migrations, int blocked) {
        Timer.builder("drover.plan").description("Time to make one plan, solver included").tag("kind", kind)
                .register(registry).record(took);
        DistributionSummary.builder("drover.plan.migrations").description("Migrations per plan").tag("kind", kind)
                .register(registry).record(migrations);
        DistributionSummary.builder("drover.plan.blocked.guests").description("Blocked guests per plan")
                .tag("kind", kind).register(registry).record(blocked);
    }

    /** A migration began (libvirt migrate called). Pair with {@link #migrationFinished}. */
    public void migrationStarted() {
        migrationsInFlight.incrementAndGet();
    }

    /** A migration Drover counted as started turned out not to run (the hosts say so): it only leaves the gauge. */
    public void migrationWithdrawn() {
        migrationsInFlight.updateAndGet(running -> Math.max(0, running - 1));
    }

    /**
     * A migration ended.
     *
     * @param result      the move's final state ({@code VERIFIED}, {@code FAILED}…)
     * @param mode        the migration mode ({@code LIVE}, {@code LIVE_BLOCK_ALL}…)
     * @param downtime    libvirt's {@code downtime} job statistic, when reported
     * @param transferred libvirt's {@code data_processed} (memory and disks), 0 when unknown
     */
    public void migrationFinished(String result, String mode, Duration took, Optional<Duration> downtime,
            long transferred) {
        migrationsInFlight.updateAndGet(running -> Math.max(0, running - 1));
        Counter.builder("drover.migrations").description("Migrations by result and mode").tag("result", result)
                .tag("mode", mode).register(registry).increment();
        Timer.builder("drover.migration").description("Time from migrate call to the end of the migration")
                .tag("result", result).register(registry).record(took);
        downtime.ifPresent(pause -> Timer.builder("drover.migration.downtime")
                .description("Time guests were paused at switch-over").register(registry).record(pause));
        Counter.builder("drover.migration.transferred.bytes").baseUnit("bytes")
                .description("Memory and disk data sent by migrations").register(registry).increment(transferred);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** For code that wants its own meters next to Drover's. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
