package io.drover.lab;

import static io.drover.lab.LabGuests.hostsRunning;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.execute.ApplyRun;
import io.drover.execute.HostUpgrader;
import io.drover.execute.MoveState;
import io.drover.execute.job.ApplyLauncher.ApplyOutcome;
import io.drover.plan.Plan;
import io.drover.plan.PlanFile;
import io.drover.plan.PlanPhase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An upgrade campaign of lab-host1 applied on the real lab: its guests leave, then the hook step runs the configured
 * upgrade command (here {@code lab.sh vary 1 --qemu-version 8.2.0}, which makes host 1's libvirtd report QEMU
 * 8.2.0), inventories the host again and records it UPGRADED only once it reports the target. The host is reset and
 * the guests moved back afterwards.
 */
@SpringBootTest(properties = "drover.apply.upgrade-command=lab/lab.sh vary \"$(echo {host} | sed s/lab-host//)\" "
        + "--qemu-version {qemu}")
class LabApplyCampaignTest extends LabApplyFixture {

    @Test
    void aCampaignPhaseEmptiesItsHostThenRunsTheUpgradeCommandAndChecksTheNewVersion() throws Exception {
        Path file = planCampaignOfHost1ToQemu820();
        Plan plan = new PlanFile().read(file);
        assertThat(plan.phases()).extracting(PlanPhase::hostsToUpgrade).containsExactly(List.of("lab-host1"));
        try {
            ApplyOutcome outcome = apply.apply(file);

            assertThat(outcome.status()).as("%s", outcome).isEqualTo(BatchStatus.COMPLETED);
            assertThat(outcome.moves()).isNotEmpty().allSatisfy(m -> assertThat(m.state())
                    .isEqualTo(MoveState.VERIFIED));
            long runId = outcome.run().map(ApplyRun::id).orElseThrow();
            assertThat(jdbc.queryForObject("select state from apply_upgrade where run_id = ? and phase = 1 "
                    + "and host = 'lab-host1'", String.class, runId)).isEqualTo(HostUpgrader.State.UPGRADED.name());
            assertThat(LabGuests.run(List.of("virsh", "-c", LabFleet.uri(1), "version"), Duration.ofSeconds(30)))
                    .contains("QEMU 8.2.0");
            assertThat(hostsRunning("lab-shared")).doesNotContain(1);
        } finally {
            LabGuests.run(List.of(LabGuests.LAB_SH.toString(), "vary", "1", "--reset"), Duration.ofSeconds(120));
            plan.migrations().forEach(move -> LabGuests.moveBack(move.guest(), move.mode()));
        }
    }
}
