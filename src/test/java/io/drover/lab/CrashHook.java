package io.drover.lab;

import io.drover.execute.ApplyHooks;
import io.drover.execute.MoveRecord;
import org.springframework.boot.test.context.TestComponent;

/**
 * Crashes a run once, when the migration of the armed guest has started: stands for a process killed while the
 * source runs the migration job, which goes on without it. Tests {@code @Import} it and arm it with a guest's name.
 */
@TestComponent
class CrashHook implements ApplyHooks {

    volatile String guest;

    /** What the crashed run dies of. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    @Override
    public void migrationStarted(MoveRecord move) {
        if (move.guest().equals(guest)) {
            guest = null;
            throw new SimulatedCrash("simulated kill while " + move.label() + " migrates");
        }
    }
}
