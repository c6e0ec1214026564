package io.drover.plan.roadef.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MoveMixTest {

    private static final double[] START = {0.3, 0.3, 0.2, 0.2, 0};

    /** Records a window in which only best swaps lowered the cost, every kind taking the same time per move. */
    private static void bestSwapsPayForAWindow(MoveMix mix) {
        MoveKind[] kinds = MoveKind.values();
        for (int i = 0; i < MoveMix.WINDOW; i++) {
            MoveKind kind = kinds[i % kinds.length];
            mix.record(kind, 1000, kind == MoveKind.BEST_SWAP ? 10 : 0);
        }
    }

    @Test
    void theKindThatLowersTheCostGetsTheAdaptedPartAndTheOthersKeepHalfTheirStartingShare() {
        MoveMix mix = new MoveMix(START, true);

        bestSwapsPayForAWindow(mix);

        double[] shares = mix.shares();
        assertThat(shares[MoveKind.CHANGE.ordinal()]).isCloseTo(0.15, within(1e-9));
        assertThat(shares[MoveKind.SWAP.ordinal()]).isCloseTo(0.15, within(1e-9));
        assertThat(shares[MoveKind.MAKE_ROOM.ordinal()]).isCloseTo(0.10, within(1e-9));
        assertThat(shares[MoveKind.BEST_SWAP.ordinal()]).isCloseTo(0.60, within(1e-9));
    }

    @Test
    void gainIsWeighedAgainstTheTimeTheKindTook() {
        MoveMix mix = new MoveMix(START, true);
        MoveKind[] kinds = MoveKind.values();
        for (int i = 0; i < MoveMix.WINDOW; i++) {
            MoveKind kind = kinds[i % kinds.length];
            // changes gain twice as much per move as swaps but take four times as long
            long nanos = kind == MoveKind.CHANGE ? 4000 : 1000;
            long gain = kind == MoveKind.CHANGE ? 20 : kind == MoveKind.SWAP ? 10 : 0;
            mix.record(kind, nanos, gain);
        }

        double[] shares = mix.shares();
        assertThat(shares[MoveKind.SWAP.ordinal()]).isCloseTo(0.15 + 0.5 * 2 / 3, within(1e-9));
        assertThat(shares[MoveKind.CHANGE.ordinal()]).isCloseTo(0.15 + 0.5 / 3, within(1e-9));
    }

    @Test
    void repackMovesKeepTheirStartingShareEvenWhenOnlyTheyPay() {
        double[] start = {0.3, 0.3, 0.2, 0.19, 0.01};
        MoveMix mix = new MoveMix(start, true);
        MoveKind[] kinds = MoveKind.values();
        for (int i = 0; i < MoveMix.WINDOW; i++) {
            MoveKind kind = kinds[i % kinds.length];
            mix.record(kind, 1000, kind == MoveKind.REPACK || kind == MoveKind.SWAP ? 10 : 0);
        }

        double[] shares = mix.shares();
        assertThat(shares[MoveKind.REPACK.ordinal()]).isCloseTo(0.01, within(1e-9));
        assertThat(shares[MoveKind.SWAP.ordinal()]).as("the whole adapted part").isCloseTo(0.15 + 0.495,
                within(1e-9));
    }

    @Test
    void aFixedMixKeepsItsShares() {
        MoveMix mix = new MoveMix(START, false);

        bestSwapsPayForAWindow(mix);

        assertThat(mix.shares()).containsExactly(START);
    }

    @Test
    void kindsAreDrawnInProportionToTheirShares() {
        MoveMix mix = new MoveMix(START, false);
        Random random = new Random(1);
        int[] drawn = new int[START.length];
        for (int i = 0; i < 100_000; i++) {
            drawn[mix.pick(random).ordinal()]++;
        }
        for (int k = 0; k < START.length; k++) {
            assertThat(drawn[k] / 100_000.0).isCloseTo(START[k], within(0.01));
        }
    }

    @Test
    void describesTheSharesByKind() {
        assertThat(new MoveMix(START, false)).hasToString(
                "change 0.300, swap 0.300, best swap 0.200, make room 0.200, repack 0.000");
    }
}
