package io.drover.bench;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.CpuMap;
import io.drover.compat.FleetIndex;
import io.drover.model.FleetSnapshot;
import java.nio.file.Path;
import java.util.Random;

/**
 * The benchmark: every guest × host pair of a synthetic 1,000-host × 30-guest fleet
 * ({@link SyntheticFleet#uniform}: 30 million checks),
 * single-threaded, after a warm-up; then one {@code explain}; then, as the baseline in the same run, full
 * {@code Verdict}s built by the rule objects for a random sample of pairs, extrapolated to 30 million.
 *
 * <p>Run: {@code mvn -o -q test-compile exec:java -Dexec.mainClass=io.drover.bench.CompatBenchmark
 * -Dexec.classpathScope=test [-Dexec.args="HOSTS GUESTS_PER_HOST"]} (see bench/compat/README.md).
 */
public final class CompatBenchmark {

    private CompatBenchmark() {
    }

    public static void main(String[] args) {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perHost = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        CpuMap cpuMap = CpuMap.load(Path.of(System.getProperty("drover.cpuMap", CpuMap.DEFAULT_DIRECTORY.toString())));
        FleetSnapshot snapshot = SyntheticFleet.uniform(hosts, perHost, new Random(42));

        long t0 = System.nanoTime();
        CompatibilityEngine engine = new CompatibilityEngine(snapshot, CompatibilityPolicy.defaults(), cpuMap);
        long precompute = System.nanoTime() - t0;
        FleetIndex fleet = engine.fleet();
        int guests = fleet.guestCount();
        long pairs = (long) guests * hosts;
        System.out.printf("fleet: %d hosts × %d guests = %,d pairs; precomputation %.2f s%n", hosts, guests / hosts,
                pairs, precompute / 1e9);

        long allowed = 0;
        for (int round = 0; round < 2; round++) { // warm-up
            allowed = allPairs(engine, guests, hosts);
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            allowed = allPairs(engine, guests, hosts);
            best = Math.min(best, System.nanoTime() - start);
        }
        double fastRate = pairs / (best / 1e9);
        System.out.printf("fast path: %,d pairs in %.3f s (best of 3) = %,.0f checks/s on one thread; %,d allowed%n",
                pairs, best / 1e9, fastRate, allowed);

        Random random = new Random(7);
        for (int i = 0; i < 3; i++) {
            engine.explain(random.nextInt(guests)); // warm-up
        }
        int explains = 20;
        long start = System.nanoTime();
        long verdicts = 0;
        for (int i = 0; i < explains; i++) {
            verdicts += engine.explain(random.nextInt(guests)).size();
        }
        double explainMs = (System.nanoTime() - start) / 1e6 / explains;
        System.out.printf("explain: %.2f ms per guest (%d verdicts each, mean of %d)%n", explainMs,
                verdicts / explains, explains);

        int sample = 300_000;
        for (int i = 0; i < sample / 3; i++) {
            engine.check(random.nextInt(guests), random.nextInt(hosts)); // warm-up
        }
        start = System.nanoTime();
        long naiveAllowed = 0;
        for (int i = 0; i < sample; i++) {
            naiveAllowed += engine.check(random.nextInt(guests), random.nextInt(hosts)).allowed() ? 1 : 0;
        }
        double naiveSeconds = (System.nanoTime() - start) / 1e9;
        double naiveRate = sample / naiveSeconds;
        System.out.printf("baseline (full Verdicts from the rule objects): %,d sampled pairs in %.2f s = %,.0f checks/s"
                + " (%.1f%% allowed); all %,d pairs would take %.0f s%n", sample, naiveSeconds, naiveRate,
                100.0 * naiveAllowed / sample, pairs, pairs / naiveRate);
        System.out.printf("ratio fast/baseline: %.0f×%n", fastRate / naiveRate);
    }

    private static long allPairs(CompatibilityEngine engine, int guests, int hosts) {
        long allowed = 0;
        for (int g = 0; g < guests; g++) {
            for (int h = 0; h < hosts; h++) {
                if (engine.allowed(g, h)) {
                    allowed++;
                }
            }
        }
        return allowed;
    }
}
