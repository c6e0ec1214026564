package io.drover.compat;

import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.DiskSharing;
import io.drover.model.HostFlag;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostIdentityRuleTest {

    private static final String A = "5f0c3e2a-7d41-4b8e-a6c2-19e07d3b8f64";
    private static final String B = "9b2f1c7e-3a44-4d0e-8f1b-6c5d4e3f2a10";
    private static final String ZERO = "00000000-0000-0000-0000-000000000000";

    @ParameterizedTest(name = "{0} → {1} {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            A + ", " + B + ", -,              -",
            A + ", " + A + ", -,              have the same host UUID " + A,
            A + ", " + ZERO + ", -,           destination dst has the all-zero host UUID",
            A + ", -,             -,          destination dst reported no host UUID",
            ZERO + ", " + B + ", -,           source src has the all-zero host UUID",
            A + ", " + B + ", DUPLICATE_UUID, destination dst shares its host UUID " + B})
    void bothHostsNeedDistinctRealUuids(String source, String destination, HostFlag flag, String reason) {
        var dst = host("dst").uuid(destination == null ? null : UUID.fromString(destination));
        if (flag != null) {
            dst.flag(flag);
        }
        RuleHarness harness = new RuleHarness(HostIdentityRule::new,
                host("src").uuid(UUID.fromString(source)).guest(guest(RBD_GUEST, DiskSharing.SHARED)).build(),
                dst.build());

        Findings findings = harness.explain("dst");

        if (reason == null) {
            assertThat(findings.violations()).isEmpty();
        } else {
            assertThat(RuleHarness.reasons(findings)).singleElement().asString().contains(reason);
            assertThat(findings.violations().get(0).fix()).contains("host_uuid").contains("libvirtd.conf");
        }
    }
}
