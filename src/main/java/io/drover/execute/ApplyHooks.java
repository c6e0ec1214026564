package io.drover.execute;

/**
 * Points where tests step into a run. Production has none ({@link #NONE}); the crash-recovery test throws from
 * {@link #migrationStarted} to stand for a process killed between the MIGRATING checkpoint and the migration's end.
 */
public interface ApplyHooks {

    ApplyHooks NONE = new ApplyHooks() {
    };

    /** Called once the source reports the migration job of {@code move} running. */
    default void migrationStarted(MoveRecord move) {
    }
}
