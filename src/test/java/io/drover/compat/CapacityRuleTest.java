package io.drover.compat;

import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.ByteSize;
import io.drover.model.DiskSharing;
import io.drover.model.Guest;
import io.drover.model.PowerState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapacityRuleTest {

    /** The Nova guest: 1 GiB, 1 vCPU; with the default 256 MiB overhead it needs 1280 MiB. */
    private static final Guest GUEST = guest(RBD_GUEST, DiskSharing.SHARED);

    @ParameterizedTest(name = "dst {0} CPUs {1} MiB, {2} running + {3} shut-off residents, ratios {4}/{5}: {6}")
    @CsvSource({
            // cpus, MiB, running residents (1 GiB, 1 vCPU each), shut-off residents, cpu ratio, mem ratio, allowed
            "4, 8192, 0, 0, 4.0, 1.0, true",
            // 5 × 1280 MiB = 6400 used, 1792 left ≥ 1280
            "4, 8192, 5, 0, 4.0, 1.0, true",
            // 6 × 1280 = 7680 used, 512 left
            "4, 8192, 6, 0, 4.0, 1.0, false",
            // shut-off guests take nothing
            "4, 8192, 0, 6, 4.0, 1.0, true",
            // memory overcommit 1.5: 12288 limit
            "4, 8192, 6, 0, 4.0, 1.5, true",
            // 2 CPUs × 1.0 = 2 vCPUs, both used
            "2, 65536, 2, 0, 1.0, 1.0, false",
            "2, 65536, 2, 0, 2.0, 1.0, true"})
    void theDestinationMustHoldTheGuestBesideItsActiveGuests(int cpus, long mib, int running, int stopped,
            double cpuRatio, double memoryRatio, boolean allowed) {
        var dst = host("dst").capacity(cpus, ByteSize.ofMiB(mib));
        for (int i = 0; i < running + stopped; i++) {
            Guest resident = guest(RBD_GUEST, DiskSharing.SHARED, xml -> xml.replace("instance-000028ae", "other"));
            dst.guest(i < running ? resident : resident.withState(PowerState.SHUTOFF));
        }
        CompatibilityPolicy policy = CompatibilityPolicy.defaults().withCpuOvercommit(cpuRatio)
                .withMemoryOvercommit(memoryRatio);
        RuleHarness harness = new RuleHarness(CapacityRule::new, policy, host("src").guest(GUEST).build(),
                dst.build());

        Findings findings = harness.explain("dst");

        assertThat(findings.violations().isEmpty()).isEqualTo(allowed);
        if (!allowed && cpus == 4) {
            assertThat(RuleHarness.reasons(findings)).singleElement().asString()
                    .isEqualTo("dst has 512 MiB of memory left (8192 MiB at overcommit 1.0, 7680 MiB used by running"
                            + " guests); instance-000028ae needs 1280 MiB (1024 MiB + 256 MiB overhead)");
        }
    }
}
