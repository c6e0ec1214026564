package io.drover.plan.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.HostSlot;
import io.drover.plan.model.PlacementSolution;
import org.junit.jupiter.api.Test;

class PlacementConstraintsTest {

    private static final HostSlot DRAINED = new HostSlot("drained", 16_384, 0, 16, 0, true);
    private static final HostSlot SMALL = new HostSlot("small", 8_192, 4_096, 8, 6, false);
    private static final HostSlot BIG = new HostSlot("big", 65_536, 0, 64, 0, false);

    private final ConstraintVerifier<PlacementConstraints, PlacementSolution> verifier = ConstraintVerifier.build(
            new PlacementConstraints(), PlacementSolution.class, GuestPlacement.class);

    private static GuestPlacement guest(String id, long memoryMiB, int vcpus, HostSlot origin, HostSlot target) {
        return new GuestPlacement(id, memoryMiB, vcpus, origin, target);
    }

    @Test
    void hostMemoryCapacity() {
        verifier.verifyThat(PlacementConstraints::hostMemoryCapacity)
                .given(guest("a", 3_072, 1, DRAINED, SMALL), guest("b", 2_048, 1, DRAINED, SMALL),
                        guest("c", 60_000, 1, DRAINED, BIG))
                .penalizesBy(1_024); // 4,096 staying + 3,072 + 2,048 = 9,216 on 8,192 MiB; big has room
    }

    @Test
    void hostVcpuCapacity() {
        verifier.verifyThat(PlacementConstraints::hostVcpuCapacity)
                .given(guest("a", 1, 2, DRAINED, SMALL), guest("b", 1, 2, DRAINED, SMALL),
                        guest("c", 1, 60, DRAINED, BIG))
                .penalizesBy(2); // 6 staying + 4 arriving on 8 vCPUs
    }

    @Test
    void strandedGuest() {
        verifier.verifyThat(PlacementConstraints::strandedGuest)
                .given(guest("left-behind", 1_024, 1, DRAINED, null), guest("moved", 1_024, 1, DRAINED, BIG),
                        guest("stays-on-kept-host", 1_024, 1, BIG, null))
                .penalizesBy(1);
    }

    @Test
    void migration() {
        verifier.verifyThat(PlacementConstraints::migration)
                .given(guest("a", 1_024, 1, DRAINED, BIG), guest("b", 1_024, 1, DRAINED, SMALL),
                        guest("stays", 1_024, 1, BIG, BIG), guest("unassigned", 1_024, 1, DRAINED, null))
                .penalizesBy(2);
    }

    @Test
    void migrationToBeRepeated() {
        HostSlot pending = new HostSlot("pending", 65_536, 0, 64, 0, false, true);
        verifier.verifyThat(PlacementConstraints::migrationToBeRepeated)
                .given(guest("a", 1_024, 1, DRAINED, pending), guest("b", 1_024, 1, DRAINED, BIG),
                        guest("stays-on-pending", 1_024, 1, pending, null))
                .penalizesBy(1);
    }

    @Test
    void memoryMoved() {
        verifier.verifyThat(PlacementConstraints::memoryMoved)
                .given(guest("a", 1_024, 1, DRAINED, BIG), guest("b", 512, 1, DRAINED, SMALL),
                        guest("stays", 4_096, 1, BIG, BIG))
                .penalizesBy(1_536);
    }

    @Test
    void imbalance() {
        verifier.verifyThat(PlacementConstraints::imbalance)
                .given(guest("a", 4_096, 1, DRAINED, SMALL), guest("b", 8_192, 1, DRAINED, BIG))
                // small: (4,096 + 4,096)² / 8,192 = 8,192; big: 8,192² / 65,536 = 1,024
                .penalizesBy(8_192 + 1_024);
    }
}
