package io.drover.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.compat.Fixtures;
import io.drover.libvirt.DomainDescription;
import io.drover.model.DiskSharing;
import io.drover.model.Guest;
import io.drover.model.PowerState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceDiskCleanerTest {

    private static final String CHAIN = "domain-local-chain-running.xml";

    @Test
    void onlyTheTopImagesOfTheCopiedLocalDisksAreCandidatesNeverTheirBackingFiles() {
        Guest guest = Fixtures.guest(CHAIN, DiskSharing.LOCAL);

        assertThat(SourceDiskCleaner.copiedLocalFiles(guest, List.of("vda", "vdb")))
                .containsExactly("/var/lib/libvirt/images/web-01/top.qcow2", "/var/lib/libvirt/images/web-01/data.raw");
        assertThat(SourceDiskCleaner.copiedLocalFiles(guest, List.of("vdb")))
                .containsExactly("/var/lib/libvirt/images/web-01/data.raw");
    }

    @Test
    void sharedDisksAreNeverCandidates() {
        assertThat(SourceDiskCleaner.copiedLocalFiles(Fixtures.guest(CHAIN, DiskSharing.SHARED), List.of("vda", "vdb")))
                .isEmpty();
    }

    @Test
    void aDomainUsingThePathAsItsImageOrInItsBackingChainKeepsIt() {
        List<DomainDescription> domains = List.of(new DomainDescription("web-01", PowerState.SHUTOFF,
                Fixtures.golden(CHAIN)));

        assertThat(SourceDiskCleaner.referencingDomain(domains, "/var/lib/libvirt/images/web-01/data.raw"))
                .contains("web-01");
        assertThat(SourceDiskCleaner.referencingDomain(domains, "/var/lib/libvirt/images/web-01/base.raw"))
                .contains("web-01");
        assertThat(SourceDiskCleaner.referencingDomain(domains, "/var/lib/libvirt/images/web-01/gone.qcow2"))
                .isEmpty();
    }

    @Test
    void aRecordedOutcomeNamesItsPathExactly() {
        assertThat(SourceDiskCleaner.recordedPath("source disk deleted: /img/a.qcow2")).isEqualTo("/img/a.qcow2");
        assertThat(SourceDiskCleaner.recordedPath("source disk kept: /img/a.qcow2 (used by domain b on this host)"))
                .isEqualTo("/img/a.qcow2");
    }
}
