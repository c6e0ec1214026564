package io.drover.execute;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one planned move stands. {@code PENDING → PREFLIGHT_OK → MIGRATING → VERIFIED | FAILED}, {@code SKIPPED}
 * when there is nothing to do. A resumed run may send a move back: {@code PREFLIGHT_OK → PENDING} (facts are checked
 * again), {@code MIGRATING → PENDING} (the hosts say the guest is still on its source and no migration runs) and
 * {@code FAILED → PENDING} (a new run retries what failed; the guest stayed on its source).
 */
public enum MoveState {
    PENDING,
    PREFLIGHT_OK,
    MIGRATING,
    VERIFIED,
    FAILED,
    SKIPPED;

    public Set<MoveState> next() {
        switch (this) {
            case PENDING:
                return EnumSet.of(PREFLIGHT_OK, SKIPPED, FAILED);
            case PREFLIGHT_OK:
                return EnumSet.of(MIGRATING, PENDING, FAILED, SKIPPED);
            case MIGRATING:
                return EnumSet.of(VERIFIED, FAILED, PENDING);
            case FAILED:
                return EnumSet.of(PENDING);
            default:
                return EnumSet.noneOf(MoveState.class);
        }
    }

    public boolean canGoTo(MoveState target) {
        return next().contains(target);
    }

    /** Nothing more will happen to the move in any run. */
    public boolean isFinal() {
        return this == VERIFIED || this == SKIPPED;
    }
}
