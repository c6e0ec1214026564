package io.drover.execute;

import io.drover.plan.PlanLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the moves of one wave in parallel within the plan's limits: at most {@code maxOutboundPerHost} leaving a
 * host, {@code maxInboundPerHost} arriving at one, {@code maxConcurrent} in the fleet. Moves start in plan order as
 * soon as their hosts have room. The {@code admission} is asked before moves start: {@link Admission#HOLD} (the run
 * is paused) starts none for now and asks again every {@code recheck}; {@link Admission#STOP} (error budget spent,
 * run aborted) starts none of the rest. Moves already running are always waited for, never abandoned.
 */
public final class WaveRunner {

    /** Whether waiting moves may start now. */
    public enum Admission {
        START,
        HOLD,
        STOP
    }

    private final ExecutorService pool;
    private final Duration recheck;

    /**
     * @param pool    the bounded executor the moves run on (its size caps the fleet's concurrency too)
     * @param recheck how often a held wave asks again whether it may start moves
     */
    public WaveRunner(ExecutorService pool, Duration recheck) {
        this.pool = pool;
        this.recheck = recheck;
    }

    /** Returns the final record of every move started, in completion order. */
    public List<MoveRecord> run(List<MoveRecord> moves, PlanLimits limits, Function<MoveRecord, MoveRecord> work,
            Supplier<Admission> admission) {
        CompletionService<MoveRecord> completions = new ExecutorCompletionService<>(pool);
        Map<Future<MoveRecord>, MoveRecord> running = new HashMap<>();
        Map<String, Integer> outbound = new HashMap<>();
        Map<String, Integer> inbound = new HashMap<>();
        LinkedList<MoveRecord> waiting = new LinkedList<>(moves);
        List<MoveRecord> finished = new ArrayList<>();
        RuntimeException failure = null;
        Error fatal = null;
        while (!waiting.isEmpty() || !running.isEmpty()) {
            Admission now = failure == null && fatal == null ? admission.get() : Admission.STOP;
            if (now == Admission.START) {
                for (var it = waiting.iterator(); it.hasNext(); ) {
                    MoveRecord move = it.next();
                    if (running.size() < limits.maxConcurrent()
                            && outbound.getOrDefault(move.source(), 0) < limits.maxOutboundPerHost()
                            && inbound.getOrDefault(move.destination(), 0) < limits.maxInboundPerHost()) {
                        it.remove();
                        outbound.merge(move.source(), 1, Integer::sum);
                        inbound.merge(move.destination(), 1, Integer::sum);
                        running.put(completions.submit(() -> work.apply(move)), move);
                    }
                }
            } else if (now == Admission.STOP) {
                waiting.clear();
            }
            if (running.isEmpty() && (waiting.isEmpty() || now != Admission.HOLD)) {
                break;
            }
            Future<MoveRecord> done;
            try {
                done = now == Admission.HOLD ? completions.poll(recheck.toMillis(), TimeUnit.MILLISECONDS)
                        : completions.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while moves were running", e);
            }
            if (done == null) {
                continue;
            }
            MoveRecord move = running.remove(done);
            outbound.merge(move.source(), -1, Integer::sum);
            inbound.merge(move.destination(), -1, Integer::sum);
            try {
                finished.add(done.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    fatal = error;
                } else if (e.getCause() instanceof RuntimeException runtime) {
                    failure = runtime;
                } else {
                    failure = new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while moves were running", e);
            }
        }
        if (fatal != null) {
            throw fatal;
        }
        if (failure != null) {
            throw failure;
        }
        return finished;
    }
}
