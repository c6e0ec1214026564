package io.drover.plan.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import io.drover.plan.model.GuestPlacement;
import io.drover.plan.model.HostSlot;
import io.drover.plan.model.MigrationBudget;
import io.drover.plan.model.PlacementSolution;
import java.util.List;
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
    void bytesMoved() {
        verifier.verifyThat(PlacementConstraints::bytesMoved)
                .given(guest("a", 1_024, 1, DRAINED, BIG), guest("b", 512, 1, DRAINED, SMALL),
                        new GuestPlacement("local-disk", 256, 10_240, 1, DRAINED, BIG, List.of()),
                        new GuestPlacement("stays", 4_096, 20_480, 1, BIG, BIG, List.of()))
                // memory of a and b, memory and local disks of local-disk; nothing of the guest that stays
                .penalizesBy(1_024 + 512 + 256 + 10_240);
    }

    @Test
    void imbalance() {
        verifier.verifyThat(PlacementConstraints::imbalance)
                .given(guest("a", 4_096, 1, DRAINED, SMALL), guest("b", 8_192, 1, DRAINED, BIG))
                // small: (4,096 + 4,096)² / 8,192 = 8,192; big: 8,192² / 65,536 = 1,024
                .penalizesBy(8_192 + 1_024);
    }

    @Test
    void antiAffinity() {
        verifier.verifyThat(PlacementConstraints::antiAffinity)
                .given(new GuestPlacement("db-1", 1_024, 1, DRAINED, BIG, List.of("db")),
                        new GuestPlacement("db-2", 1_024, 1, DRAINED, BIG, List.of("web", "db")),
                        // Same group, other host; other group, same host; no group, same host.
                        new GuestPlacement("db-3", 1_024, 1, DRAINED, SMALL, List.of("db")),
                        new GuestPlacement("cache-1", 1_024, 1, DRAINED, BIG, List.of("cache")),
                        guest("plain", 1_024, 1, DRAINED, BIG),
                        // Staying (unassigned) counts where it stays: with db-3 on small.
                        new GuestPlacement("db-4", 1_024, 1, SMALL, null, List.of("db")))
                .penalizesBy(2); // db-1 + db-2 on big, db-3 + db-4 on small
    }

    @Test
    void antiAffinityWithStayingGuest() {
        HostSlot holdsDb = new HostSlot("holds-db", 65_536, 1_024, 64, 1, false, false, 65_536, 64, List.of("db"));
        verifier.verifyThat(PlacementConstraints::antiAffinityWithStayingGuest)
                .given(new GuestPlacement("db-1", 1_024, 1, DRAINED, holdsDb, List.of("db")),
                        new GuestPlacement("db-2", 1_024, 1, DRAINED, BIG, List.of("db")),
                        new GuestPlacement("web-1", 1_024, 1, DRAINED, holdsDb, List.of("web")))
                .penalizesBy(1);
    }

    @Test
    void migrationBudget() {
        verifier.verifyThat(PlacementConstraints::migrationBudget)
                .given(new MigrationBudget(1), guest("a", 1_024, 1, DRAINED, BIG), guest("b", 1_024, 1, DRAINED, BIG),
                        guest("c", 1_024, 1, DRAINED, SMALL), guest("stays", 1_024, 1, BIG, null))
                .penalizesBy(2); // three migrations on a budget of one
        verifier.verifyThat(PlacementConstraints::migrationBudget)
                .given(new MigrationBudget(3), guest("a", 1_024, 1, DRAINED, BIG), guest("b", 1_024, 1, DRAINED, BIG))
                .penalizesBy(0);
    }

    @Test
    void loadOverThreshold() {
        // 80 % of 10,000 MiB and of 10 vCPUs; 2,000 MiB and 2 vCPUs stay.
        HostSlot hot = new HostSlot("hot", 10_000, 2_000, 10, 2, false, false, 8_000, 8, List.of());
        HostSlot cool = new HostSlot("cool", 10_000, 0, 10, 0, false, false, 8_000, 8, List.of());
        verifier.verifyThat(PlacementConstraints::loadOverThreshold)
                .given(guest("a", 6_001, 4, hot, null), guest("b", 1, 3, hot, null),
                        guest("c", 8_000, 8, cool, null))
                // hot: 8,002 MiB is 2 MiB over, 2/10,000 = 2 basis points; 9 vCPUs are 1 over, 1,000 basis points;
                // cool: exactly at its threshold, not over.
                .penalizesBy(2 + 1_000);
        HostSlot huge = new HostSlot("huge", 1_000_000, 0, 10, 0, false, false, 800_000, 8, List.of());
        verifier.verifyThat(PlacementConstraints::loadOverThreshold)
                .given(guest("tiny-excess", 800_001, 1, huge, null))
                .penalizesBy(1); // 1 MiB over is a hundredth of a basis point: rounded up, so it still counts
    }
}
