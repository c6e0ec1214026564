package io.drover.lab;

import static io.drover.lab.LabGuests.hostNumber;
import static io.drover.lab.LabGuests.hostsRunning;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.execute.job.ApplyLauncher;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.inventory.job.InventoryLauncher;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanLimits;
import io.drover.plan.job.PlanLauncher;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Convergence escalation on the real lab: lab-shared dirties 8 MiB/s and is sent at 4 MiB/s. With auto-converge
 * and post-copy after 8 s allowed for every guest (QEMU reports a dirty rate only from the second pass on, which at
 * this bandwidth comes after about 25 s), the executor switches it to post-copy and the guest arrives intact;
 * lab-local (a block copy, which never goes post-copy) converges pre-copy, throttled by auto-converge.
 */
@Tag(LabFleet.TAG)
@SpringBootTest(properties = {"drover.apply.auto-converge=true", "drover.apply.post-copy=true",
        "drover.apply.post-copy-after=8s", "drover.apply.post-copy-min-dirty-rate-mibs=0"})
@ActiveProfiles("test")
class LabApplyEscalationTest {

    @Autowired
    InventoryLauncher inventory;
    @Autowired
    PlanLauncher planner;
    @Autowired
    ApplyLauncher apply;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path plans;

    @Test
    void aGuestDirtyingFasterThanTheBandwidthSwitchesToPostCopyAndArrivesIntact() throws Exception {
        Path file = LabGuests.planDrainOfHost1(inventory, planner, new PlanLimits(2, 2, 2, 4), plans);
        Plan plan = new PlanFile().read(file);
        try {
            ApplyOutcome outcome = apply.apply(file);

            MoveRecord shared = outcome.moves().stream().filter(m -> m.guest().equals("lab-shared")).findFirst()
                    .orElseThrow();
            assertThat(shared.state()).as("%s", shared).isEqualTo(MoveState.VERIFIED);
            assertThat(jdbc.queryForObject("select note from apply_move_transition where run_id = ? and seq = ? "
                    + "and to_state = 'VERIFIED'", String.class, shared.runId(), shared.seq()))
                    .contains("switched to post-copy after");
            assertThat(hostsRunning("lab-shared")).containsExactly(hostNumber(shared.destination()));
            LabGuests.verifyDisk("lab-shared");
            assertThat(outcome.moves()).filteredOn(m -> m.guest().equals("lab-local")).allSatisfy(m -> {
                assertThat(m.state()).isEqualTo(MoveState.VERIFIED);
                assertThat(jdbc.queryForObject("select note from apply_move_transition where run_id = ? and seq = ? "
                        + "and to_state = 'VERIFIED'", String.class, m.runId(), m.seq())).doesNotContain("post-copy");
            });
        } finally {
            plan.migrations().forEach(move -> LabGuests.moveBack(move.guest(), move.mode()));
        }
    }

    @AfterEach
    void labIsAsFound() {
        assertThat(LabGuests.awayFromHome()).as("lab left as found").isEmpty();
    }
}
