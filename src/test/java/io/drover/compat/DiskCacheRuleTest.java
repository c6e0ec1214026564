package io.drover.compat;

import static io.drover.compat.Fixtures.LOCAL_CHAIN_GUEST;
import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.DiskSharing;
import io.drover.model.Guest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiskCacheRuleTest {

    @ParameterizedTest(name = "vdb cache={0} on {1} storage: allowed={2}")
    @CsvSource({
            // the local-chain guest's vdb (a raw file) with another cache, classified shared or local
            "none,         SHARED, true",
            "directsync,   SHARED, true",
            "writeback,    SHARED, false",
            "writethrough, SHARED, false",
            "unsafe,       SHARED, false",
            "DEFAULT,      SHARED, false",
            // a local disk is block-copied: libvirt does not check its cache
            "writeback,    LOCAL,  true",
            "DEFAULT,      LOCAL,  true"})
    void sharedWritableDisksMustBypassTheHostPageCache(String cache, DiskSharing sharing, boolean allowed) {
        Guest guest = guest(LOCAL_CHAIN_GUEST, sharing, xml -> xml.replace("cache='writeback'",
                cache.equals("DEFAULT") ? "" : "cache='" + cache + "'"));
        RuleHarness harness = new RuleHarness(DiskCacheRule::new, host("src").guest(guest).build(),
                host("dst").build());

        Findings findings = harness.explain("dst");

        assertThat(findings.violations().isEmpty()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(findings.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.reason()).startsWith("vdb is on shared storage with cache='");
                assertThat(violation.fix()).startsWith("set cache='none' on vdb");
            });
        }
    }

    @Test
    void rbdDisksMayUseWriteback() {
        // The Nova guest's vda is rbd with cache='writeback', vdb rbd with cache='none'.
        RuleHarness harness = new RuleHarness(DiskCacheRule::new,
                host("src").guest(guest(RBD_GUEST, DiskSharing.SHARED)).build(), host("dst").build());

        assertThat(harness.explain("dst").violations()).isEmpty();
    }

    @Test
    void readOnlyAndEmptyDisksAreExemptAndErrorPolicyIgnoreIsARisk() {
        // hdc is an empty CD-ROM; vdb has error_policy='ignore'.
        RuleHarness harness = new RuleHarness(DiskCacheRule::new,
                host("src").guest(guest(LOCAL_CHAIN_GUEST, DiskSharing.SHARED,
                        xml -> xml.replace("cache='writeback'", "cache='none'"))).build(),
                host("dst").build());

        Findings findings = harness.explain("dst");

        assertThat(findings.violations()).isEmpty();
        assertThat(findings.risks()).singleElement().satisfies(risk -> {
            assertThat(risk.ruleId()).isEqualTo(DiskCacheRule.ERROR_POLICY_RISK);
            assertThat(risk.reason()).contains("vdb has error_policy='ignore'");
        });
    }
}
