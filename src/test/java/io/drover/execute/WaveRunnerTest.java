package io.drover.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.plan.PlanLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaveRunnerTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static MoveRecord move(int seq, String source, String destination) {
        return new MoveRecord(1, seq, 1, 1, "g" + seq, UUID.randomUUID(), source, destination, "LIVE",
                MoveState.PREFLIGHT_OK, 0, Optional.empty(), Optional.empty(), Instant.now());
    }

    /** Records the highest number of moves running at once per source, per destination and overall. */
    private static final class Peaks {
        final Map<String, AtomicInteger> now = new ConcurrentHashMap<>();
        final Map<String, Integer> peak = new ConcurrentHashMap<>();

        void enter(String key) {
            int value = now.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            peak.merge(key, value, Math::max);
        }

        void leave(String key) {
            now.get(key).decrementAndGet();
        }
    }

    @Test
    void movesRunInParallelWithinPerHostAndFleetLimits() {
        List<MoveRecord> moves = List.of(move(0, "a", "x"), move(1, "a", "y"), move(2, "b", "x"),
                move(3, "b", "y"), move(4, "c", "x"), move(5, "c", "z"));
        Peaks peaks = new Peaks();
        List<MoveRecord> done = new WaveRunner(pool, Duration.ofMillis(20)).run(moves, new PlanLimits(1, 2, 3, 100), move -> {
            List<String> keys = List.of("out:" + move.source(), "in:" + move.destination(), "all");
            keys.forEach(peaks::enter);
            sleep(30);
            keys.forEach(peaks::leave);
            return move;
        }, () -> WaveRunner.Admission.START);

        assertThat(done).hasSize(6);
        peaks.peak.forEach((key, peak) -> {
            if (key.startsWith("out:")) {
                assertThat(peak).as(key).isEqualTo(1);
            } else if (key.startsWith("in:")) {
                assertThat(peak).as(key).isLessThanOrEqualTo(2);
            }
        });
        assertThat(peaks.peak.get("all")).as("fleet").isBetween(2, 3);
    }

    @Test
    void onceTheBudgetIsSpentNoFurtherMoveStartsButRunningOnesFinish() throws Exception {
        List<MoveRecord> moves = List.of(move(0, "a", "x"), move(1, "b", "y"), move(2, "a", "y"));
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<MoveRecord> done = new WaveRunner(pool, Duration.ofMillis(20)).run(moves, new PlanLimits(1, 2, 4, 100), move -> {
            bothStarted.countDown();
            await(bothStarted);
            if (move.seq() == 0) {
                failures.incrementAndGet();
                return new MoveRecord(1, 0, 1, 1, "g0", move.guestUuid(), "a", "x", "LIVE", MoveState.FAILED, 1,
                        Optional.empty(), Optional.of("boom"), Instant.now());
            }
            sleep(50);
            return move;
        }, () -> failures.get() < 1 ? WaveRunner.Admission.START : WaveRunner.Admission.STOP);

        // move 2 waits for host a, which move 0 frees by failing: the budget then forbids starting it
        assertThat(done).extracting(MoveRecord::seq).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aHeldWaveStartsNothingUntilAdmittedAgainAndItsRunningMovesFinishMeanwhile() {
        List<MoveRecord> moves = List.of(move(0, "a", "x"), move(1, "a", "y"));
        AtomicReference<WaveRunner.Admission> admission = new AtomicReference<>(WaveRunner.Admission.START);
        List<Integer> started = new CopyOnWriteArrayList<>();
        AtomicInteger heldChecks = new AtomicInteger();
        List<MoveRecord> done = new WaveRunner(pool, Duration.ofMillis(20)).run(moves, new PlanLimits(1, 2, 4, 100),
                move -> {
                    started.add(move.seq());
                    admission.set(WaveRunner.Admission.HOLD); // paused while move 0 runs
                    return move;
                }, () -> {
                    if (admission.get() == WaveRunner.Admission.HOLD && heldChecks.incrementAndGet() == 5) {
                        assertThat(started).containsExactly(0);
                        admission.set(WaveRunner.Admission.START); // resumed
                        return WaveRunner.Admission.START;
                    }
                    return admission.get();
                });

        assertThat(heldChecks.get()).isGreaterThanOrEqualTo(5);
        assertThat(started).containsExactly(0, 1);
        assertThat(done).hasSize(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
