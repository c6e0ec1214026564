package io.drover.plan.roadef.solver;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;

/**
 * How often each {@link MoveKind} is drawn. It starts from fixed shares; if adaptive, every {@link #WINDOW} moves
 * the shares follow how much each kind lowered the current cost per nanosecond spent on it, over the recent windows
 * (older ones count half as much each time), above a floor of {@link #KEPT} of its starting share, so that no kind
 * is ever dropped: make-room moves rarely pay and cost the most, yet without them a2_1 stays at 1 M instead of 250.
 * Which kind pays differs between instances (swaps on the capacity-bound a2_2, changes and make-room moves on a2_1)
 * and over a run (greedy changes at first, swaps later), so a fixed mix trades one instance against another.
 * Re-pack moves keep their starting share ({@link MoveKind#adapts}).
 */
final class MoveMix {

    /** Moves between two updates of the shares: a fraction of a second, so the mix follows the search's phases. */
    static final int WINDOW = 1 << 15;
    /** The part of its starting share every kind keeps, so a kind that did not pay lately is still tried. */
    static final double KEPT = 0.5;
    /** What the gains and times of the windows before count in the next update. */
    private static final double DECAY = 0.5;

    private final double[] shares;
    private final double[] floors;
    private final double adaptedPart;
    private final boolean adaptive;
    private final double[] gain;
    private final double[] nanos;
    private int sinceUpdate;

    /** {@code shares} per kind, in {@link MoveKind} order, summing to 1. */
    MoveMix(double[] shares, boolean adaptive) {
        if (shares.length != MoveKind.values().length) {
            throw new IllegalArgumentException("one share per move kind");
        }
        this.shares = shares.clone();
        floors = new double[shares.length];
        double floorSum = 0;
        for (MoveKind kind : MoveKind.values()) {
            int k = kind.ordinal();
            floors[k] = kind.adapts() ? KEPT * shares[k] : shares[k];
            floorSum += floors[k];
        }
        adaptedPart = 1 - floorSum;
        this.adaptive = adaptive;
        gain = new double[shares.length];
        nanos = new double[shares.length];
    }

    /** The starting mix of the options: the swap, best-swap, make-room and re-pack shares, the rest changes. */
    static MoveMix of(RoadefSolverOptions options) {
        double[] shares = new double[MoveKind.values().length];
        shares[MoveKind.SWAP.ordinal()] = options.swapShare();
        shares[MoveKind.BEST_SWAP.ordinal()] = options.bestSwapShare();
        shares[MoveKind.MAKE_ROOM.ordinal()] = options.makeRoomShare();
        shares[MoveKind.REPACK.ordinal()] = options.repackShare();
        shares[MoveKind.CHANGE.ordinal()] = 1 - options.swapShare() - options.bestSwapShare()
                - options.makeRoomShare() - options.repackShare();
        return new MoveMix(shares, options.adaptiveMix());
    }

    MoveKind pick(Random random) {
        double drawn = random.nextDouble();
        MoveKind[] kinds = MoveKind.values();
        for (int k = 0; k < kinds.length - 1; k++) {
            drawn -= shares[k];
            if (drawn < 0) {
                return kinds[k];
            }
        }
        return kinds[kinds.length - 1];
    }

    /** A move of this kind took {@code spentNanos} and lowered the current cost by {@code costDecrease} (0 if not). */
    void record(MoveKind kind, long spentNanos, long costDecrease) {
        if (!adaptive) {
            return;
        }
        gain[kind.ordinal()] += costDecrease;
        nanos[kind.ordinal()] += spentNanos;
        if (++sinceUpdate == WINDOW) {
            update();
            sinceUpdate = 0;
        }
    }

    private void update() {
        double[] rates = new double[shares.length];
        double total = 0;
        for (MoveKind kind : MoveKind.values()) {
            int k = kind.ordinal();
            rates[k] = !kind.adapts() || nanos[k] == 0 ? 0 : gain[k] / nanos[k];
            total += rates[k];
            gain[k] *= DECAY;
            nanos[k] *= DECAY;
        }
        if (total == 0) {
            return; // nothing paid lately: no evidence to move the shares on
        }
        for (int k = 0; k < shares.length; k++) {
            shares[k] = floors[k] + adaptedPart * rates[k] / total;
        }
    }

    /** The current shares, in {@link MoveKind} order. */
    double[] shares() {
        return Arrays.copyOf(shares, shares.length);
    }

    /** The current shares by kind, e.g. "change 0.300, swap 0.300, best swap 0.200, make room 0.199, repack 0.001". */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ");
        for (MoveKind kind : MoveKind.values()) {
            joiner.add(String.format(Locale.ROOT, "%s %.3f", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    shares[kind.ordinal()]));
        }
        return joiner.toString();
    }
}
