package io.drover.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.compat.CompatibilityPolicy;
import io.drover.compat.MigrationMode;
import io.drover.model.ByteSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {

    private static final Plan PLAN = new Plan("drain-7-20261125-220000", PlanKind.DRAIN, 7,
            Instant.parse("2026-11-25T22:00:00Z"), List.of("kvm-1"), PlanLimits.DEFAULTS,
            CompatibilityPolicy.defaults(), Optional.empty(),
            List.of(new PlanPhase(1, List.of("kvm-1"), List.of(), List.of(new MigrationWave(1, List.of(new PlannedMigration("web-1",
                    UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"), "kvm-1", "kvm-2",
                    MigrationMode.LIVE_BLOCK_ALL, List.of("vda"), ByteSize.ofMiB(1280), ByteSize.ofMiB(2048), 2,
                    ByteSize.ZERO, Duration.ofMillis(3500),
                    List.of("memory-transfer: slow"))))))),
            List.of(new BlockedGuest("db-1", UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e1940"), "kvm-1",
                    List.of(new BlockReason("disk-cache", "vda uses cache writeback", "set cache='none'")))),
            Optional.empty(), List.of());

    private final PlanFile planFile = new PlanFile();

    @TempDir
    Path dir;

    @Test
    void aWrittenPlanReadsBackEqual() throws IOException {
        Path file = dir.resolve("plan.json");
        String hash = planFile.write(PLAN, file);

        assertThat(planFile.read(file)).isEqualTo(PLAN);
        assertThat(hash).startsWith("sha256:").hasSize(7 + 64);
        assertThat(Files.readString(file)).contains("\"format\" : \"drover-plan/4\"", "\"contentHash\" : \"" + hash);
    }

    @Test
    void aPlanEditedAfterItWasWrittenIsRefused() throws IOException {
        Path file = dir.resolve("plan.json");
        planFile.write(PLAN, file);
        Files.writeString(file, Files.readString(file).replace("\"kvm-2\"", "\"kvm-9\""));

        assertThatThrownBy(() -> planFile.read(file))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining(file + ": content hash sha256:")
                .hasMessageContaining("the plan was changed after it was written");
    }

    @Test
    void somethingElseIsRefusedByFormat() throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"format\": \"drover-snapshot/1\"}");

        assertThatThrownBy(() -> planFile.read(file)).isInstanceOf(PlanFileException.class)
                .hasMessage(file + ": not a drover-plan/4 plan (format 'drover-snapshot/1')");
    }
}
