package io.drover.compat;

import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.DiskSharing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionsRuleTest {

    @ParameterizedTest(name = "{0}/{1}/{2} → {3}/{4}/{5}: allowed={6}")
    @CsvSource(nullValues = "-", value = {
            // source libvirt, qemu, kernel → destination libvirt, qemu, kernel, allowed, what is too old
            "9.0.0,  7.2.0, -,      9.0.0,  7.2.0, -,      true,  -",
            "9.0.0,  7.2.0, -,      10.0.0, 8.2.0, -,      true,  -",
            "9.0.0,  7.2.0, -,      9.0.0,  7.1.0, -,      false, QEMU 7.1.0, older than 7.2.0",
            "9.0.0,  7.2.0, -,      8.0.0,  7.2.0, -,      false, libvirt 8.0.0, older than 9.0.0",
            "9.0.0,  7.2.0, 6.1.0,  9.0.0,  7.2.0, 5.10.0, false, kernel 5.10.0, older than 6.1.0",
            "9.0.0,  7.2.0, 6.1.0,  9.0.0,  7.2.0, 6.1.76, true,  -",
            // a kernel is only compared when both hosts report one
            "9.0.0,  7.2.0, 6.1.0,  9.0.0,  7.2.0, -,      true,  -",
            "9.0.0,  7.2.10, -,     9.0.0,  7.2.9, -,      false, QEMU 7.2.9, older than 7.2.10"})
    void neverFromNewerToOlder(String srcLibvirt, String srcQemu, String srcKernel, String dstLibvirt,
            String dstQemu, String dstKernel, boolean allowed, String reason) {
        RuleHarness harness = new RuleHarness(VersionsRule::new,
                host("src").versions(srcLibvirt, srcQemu).kernel(srcKernel)
                        .guest(guest(RBD_GUEST, DiskSharing.SHARED)).build(),
                host("dst").versions(dstLibvirt, dstQemu).kernel(dstKernel).build());

        Findings findings = harness.explain("dst");

        assertThat(findings.violations().isEmpty()).isEqualTo(allowed);
        if (reason != null) {
            assertThat(RuleHarness.reasons(findings)).singleElement().asString().contains("dst runs " + reason);
        }
    }
}
