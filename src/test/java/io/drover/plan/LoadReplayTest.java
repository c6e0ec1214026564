package io.drover.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoadReplayTest {

    private static PlannedMigration move(String source, String destination, long memoryMiB, int vcpus) {
        return new PlannedMigration("vm", UUID.randomUUID(), source, destination, MigrationMode.LIVE, List.of(),
                ByteSize.ofMiB(memoryMiB), ByteSize.ZERO, vcpus, ByteSize.ZERO, Duration.ofSeconds(3), List.of());
    }

    @Test
    void aDestinationPeaksWhileItsWaveRunsAndSourcesLetGoAfterIt() {
        LoadReplay replay = new LoadReplay();
        replay.start("a", ByteSize.ofMiB(4096).bytes(), 8);
        replay.start("b", ByteSize.ofMiB(1024).bytes(), 2);

        // Wave 1 swaps a guest each way: b holds both at once before a's guest leaves.
        replay.replay(List.of(new MigrationWave(1, List.of(move("a", "b", 2048, 4), move("b", "a", 512, 1))),
                new MigrationWave(2, List.of(move("b", "outside", 256, 1)))));

        assertThat(replay.memory("b")).isEqualTo(new LoadReplay.Usage(ByteSize.ofMiB(1024).bytes(),
                ByteSize.ofMiB(3072).bytes(), ByteSize.ofMiB(1024 + 2048 - 512 - 256).bytes()));
        assertThat(replay.vcpus("a")).isEqualTo(new LoadReplay.Usage(8, 9, 5));
        assertThat(replay.vcpus("b")).isEqualTo(new LoadReplay.Usage(2, 6, 4));
    }
}
