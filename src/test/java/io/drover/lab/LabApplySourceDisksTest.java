package io.drover.lab;

import static io.drover.lab.LabGuests.hostNumber;
import static io.drover.lab.LabGuests.hostsRunning;
import static io.drover.lab.LabGuests.moveBack;
import static io.drover.lab.LabGuests.verifyDisk;
import static io.drover.lab.LabGuests.virsh;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.MigrationMode;
import io.drover.execute.MoveRecord;
import io.drover.execute.MoveState;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanLimits;
import io.drover.plan.PlannedMigration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * {@code drover apply --delete-source-disks} on the real lab: lab-local's image stays on lab-host1 while its block
 * copy is in flight (the run is "killed" then), is deleted through lab-host1's storage pool once the resumed run has
 * verified the move, and is recorded so that applying again never deletes what is at that path now. lab-shared
 * (shared storage) has nothing deleted.
 */
@SpringBootTest
@Import(CrashHook.class)
class LabApplySourceDisksTest extends LabApplyFixture {

    private static final String IMAGE = "/var/lib/libvirt/images/lab-local.qcow2";

    @Autowired
    CrashHook crash;

    @Test
    void theSourceImageOfABlockCopyIsDeletedOnceVerifiedAndNeverTwice() throws Exception {
        Path file = LabGuests.planDrainOfHost1(inventory, planner, new PlanLimits(2, 2, 4, 32), plans);
        Plan plan = new PlanFile().read(file);
        PlannedMigration local = plan.migrations().filter(m -> m.guest().equals("lab-local")).findFirst()
                .orElseThrow();
        assertThat(local.mode()).isEqualTo(MigrationMode.LIVE_BLOCK_ALL);
        try {
            // when the run is killed while lab-local's block copy is in flight
            crash.guest = "lab-local";
            ApplyOutcome killed = apply.apply(file, true);

            // then its image is still on lab-host1: nothing is deleted before the move is verified
            assertThat(killed.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(move(killed, "lab-local").state()).isEqualTo(MoveState.MIGRATING);
            assertThat(imageOnHost1()).isTrue();
            LabGuests.markStillRunning(jdbc, killed);

            // when the plan is applied again
            ApplyOutcome resumed = apply.apply(file, true);

            // then lab-local is reconciled VERIFIED and only then its image on lab-host1 deleted, and recorded
            assertThat(resumed.status()).as("resumed: %s", resumed).isEqualTo(BatchStatus.COMPLETED);
            MoveRecord verified = move(resumed, "lab-local");
            assertThat(verified.state()).isEqualTo(MoveState.VERIFIED);
            assertThat(verified.attempts()).isEqualTo(1);
            assertThat(imageOnHost1()).isFalse();
            assertThat(store.notes(verified.runId(), verified.seq())).containsExactly("source disk deleted: " + IMAGE);
            MoveRecord shared = move(resumed, "lab-shared");
            assertThat(store.notes(shared.runId(), shared.seq())).isEmpty();
            assertThat(hostsRunning("lab-local")).containsExactly(hostNumber(local.destination()));
            verifyDisk("lab-local");

            // when something new is at that path and the run is applied again
            virsh(1, "vol-create-as", "lab-images", "lab-local.qcow2", "1M", "--format", "qcow2");
            markFailed(resumed);
            ApplyOutcome again = apply.apply(file, true);

            // then it is left alone: the disk's outcome is on record
            assertThat(again.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(imageOnHost1()).isTrue();
            assertThat(store.notes(verified.runId(), verified.seq())).hasSize(1);
        } finally {
            crash.guest = null;
            if (imageOnHost1() && !hostsRunning("lab-local").contains(1)) {
                virsh(1, "vol-delete", "--pool", "lab-images", "lab-local.qcow2");
            }
            plan.migrations().forEach(move -> moveBack(move.guest(), move.mode()));
        }
    }

    private static boolean imageOnHost1() {
        virsh(1, "pool-refresh", "lab-images");
        try {
            virsh(1, "vol-info", IMAGE);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** A completed run made to look failed, so that applying its plan runs it again rather than doing nothing. */
    private void markFailed(ApplyOutcome completed) {
        long runId = completed.run().orElseThrow().id();
        long execution = jdbc.queryForObject("select job_execution_id from apply_run where id = ?", Long.class, runId);
        jdbc.update("update apply_run set status = 'FAILED' where id = ?", runId);
        jdbc.update("update batch_job_execution set status = 'FAILED', exit_code = 'FAILED' where job_execution_id = ?",
                execution);
    }
}
