package io.drover.lab;

import static io.drover.lab.LabGuests.hostNumber;
import static io.drover.lab.LabGuests.hostsRunning;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Convergence escalation on the real lab: lab-shared dirties 8 MiB/s and is sent at 4 MiB/s. With auto-converge
 * and post-copy after 8 s allowed for every guest (QEMU reports a dirty rate only from the second pass on, which at
 * this bandwidth comes after about 25 s), the executor switches it to post-copy and the guest arrives intact;
 * lab-local (a block copy, which never goes post-copy) converges pre-copy, throttled by auto-converge.
 */
@SpringBootTest(properties = {"drover.apply.auto-converge=true", "drover.apply.post-copy=true",
        "drover.apply.post-copy-after=8s", "drover.apply.post-copy-min-dirty-rate-mibs=0"})
class LabApplyEscalationTest extends LabApplyFixture {

    @Test
    void aGuestDirtyingFasterThanTheBandwidthSwitchesToPostCopyAndArrivesIntact() throws Exception {
        Path file = LabGuests.planDrainOfHost1(inventory, planner, new PlanLimits(2, 2, 2, 4), plans);
        Plan plan = new PlanFile().read(file);
        try {
            ApplyOutcome outcome = apply.apply(file);

            MoveRecord shared = move(outcome, "lab-shared");
            assertThat(shared.state()).as("%s", shared).isEqualTo(MoveState.VERIFIED);
            assertThat(transitionNote(shared, "VERIFIED")).contains("switched to post-copy after");
            assertThat(hostsRunning("lab-shared")).containsExactly(hostNumber(shared.destination()));
            LabGuests.verifyDisk("lab-shared");
            assertThat(outcome.moves()).filteredOn(m -> m.guest().equals("lab-local")).allSatisfy(m -> {
                assertThat(m.state()).isEqualTo(MoveState.VERIFIED);
                assertThat(transitionNote(m, "VERIFIED")).doesNotContain("post-copy");
            });
        } finally {
            plan.migrations().forEach(move -> LabGuests.moveBack(move.guest(), move.mode()));
        }
    }
}
