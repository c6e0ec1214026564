package io.drover.compat;

import static io.drover.compat.Fixtures.DOMCAPS_BLOCKERS;
import static io.drover.compat.Fixtures.DOMCAPS_TCG;
import static io.drover.compat.Fixtures.DOMCAPS_TCG_NO_SSE42;
import static io.drover.compat.Fixtures.LAB_TCG_GUEST;
import static io.drover.compat.Fixtures.HOST_MODEL_GUEST;
import static io.drover.compat.Fixtures.LOCAL_CHAIN_GUEST;
import static io.drover.compat.Fixtures.PASSTHROUGH_GUEST;
import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.golden;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.DiskSharing;
import io.drover.model.Guest;
import io.drover.model.SnapshotHost;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CpuRuleTest {

    /** The Nova guest: custom Broadwell + vme f16c rdrand hypervisor arat xsaveopt abm, hle and rtm disabled. */
    private static final Guest BROADWELL = guest(RBD_GUEST, DiskSharing.SHARED);
    private static final String[] NOVA_EXTRAS = {"vme", "f16c", "rdrand", "hypervisor", "arat", "xsaveopt", "abm"};

    private static SnapshotHost source(Guest guest) {
        return host("src").cpu("Broadwell", "Intel").hostModel("Broadwell", "Intel", NOVA_EXTRAS).guest(guest)
                .build();
    }

    static Stream<Arguments> customGuestDestinations() {
        return Stream.of(
                // host-model of the destination, its required extras, allowed?, features reported missing
                Arguments.of("Broadwell", NOVA_EXTRAS, true, ""),
                // noTSX lacks hle and rtm, which the guest disables: fine.
                Arguments.of("Broadwell-noTSX", NOVA_EXTRAS, true, ""),
                Arguments.of("Skylake-Client-IBRS", NOVA_EXTRAS, true, ""),
                // Haswell lacks Broadwell's adx, rdseed, smap, 3dnowprefetch.
                Arguments.of("Haswell", NOVA_EXTRAS, false, "3dnowprefetch, adx, rdseed, smap"),
                // The guest's own required features count too: abm is not part of Broadwell.
                Arguments.of("Broadwell", without(NOVA_EXTRAS, "abm"), false, "abm"),
                Arguments.of("SandyBridge", NOVA_EXTRAS, false, "3dnowprefetch, adx, avx2, bmi1"));
    }

    @ParameterizedTest(name = "Broadwell guest → host-model {0}: allowed={2}")
    @MethodSource("customGuestDestinations")
    void customModelPlusRequiredMinusDisabledMustBeOffered(String hostModel, String[] extras, boolean allowed,
            String missing) {
        RuleHarness harness = new RuleHarness(CpuRule::new, source(BROADWELL),
                host("dst").cpu(hostModel, "Intel").hostModel(hostModel, "Intel", extras).build());

        Findings findings = harness.explain("dst");

        assertThat(findings.violations().isEmpty()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(RuleHarness.reasons(findings)).singleElement().asString()
                    .contains("missing features " + missing).contains("host-model " + hostModel);
            assertThat(findings.violations().get(0).fix()).contains("drover baseline");
        }
    }

    @Test
    void withoutDomainCapabilitiesTheHostCpuOfCapabilitiesIsUsed() {
        RuleHarness harness = new RuleHarness(CpuRule::new, source(BROADWELL),
                host("dst").cpu("Skylake-Client", "Intel", NOVA_EXTRAS).domcaps(null).build(),
                host("old").cpu("IvyBridge", "Intel", NOVA_EXTRAS).domcaps(null).build());

        assertThat(harness.explain("dst").violations()).isEmpty();
        assertThat(RuleHarness.reasons(harness.explain("old"))).singleElement().asString()
                .contains("host CPU IvyBridge").contains("avx2");
    }

    @Test
    void blockersOfAnUnusableModelCountUnlessTheGuestDisablesThem() {
        // QEMU 8.2 on an EPYC-Rome host: Broadwell usable='no', blockers erms hle invpcid pcid rtm.
        RuleHarness harness = new RuleHarness(CpuRule::new, source(BROADWELL),
                host("dst").cpu("EPYC-Rome", "AMD").domcaps(golden(DOMCAPS_BLOCKERS)).build());

        assertThat(RuleHarness.reasons(harness.explain("dst")))
                .anySatisfy(reason -> assertThat(reason).contains("reports model Broadwell unusable, blocked by "
                        + "erms, invpcid, pcid"));
    }

    @Test
    void aGuestNamingAVendorNeedsThatVendor() {
        Guest intel = guest(RBD_GUEST, DiskSharing.SHARED,
                xml -> xml.replace("<model fallback='forbid'>Broadwell</model>",
                        "<model fallback='forbid'>Westmere</model><vendor>Intel</vendor>"));
        RuleHarness harness = new RuleHarness(CpuRule::new, source(intel),
                host("amd").cpu("EPYC-Rome", "AMD").hostModel("EPYC-Rome", "AMD", NOVA_EXTRAS).build());

        assertThat(RuleHarness.reasons(harness.explain("amd")))
                .anySatisfy(reason -> assertThat(reason).contains("requires vendor Intel, amd is AMD"));
    }

    @Test
    void hostModelGuestsAreJudgedByTheirExpandedDefinition() {
        // Defined host-model guest: Skylake-Client-IBRS with hle disabled.
        Guest hostModel = guest(HOST_MODEL_GUEST, DiskSharing.SHARED);
        RuleHarness harness = new RuleHarness(CpuRule::new,
                host("src").hostModel("Skylake-Client-IBRS", "Intel").guest(hostModel).build(),
                host("sky").hostModel("Skylake-Client-noTSX-IBRS", "Intel").build(),
                host("has").hostModel("Haswell", "Intel").build());

        assertThat(harness.explain("sky").violations()).as("noTSX lacks only hle (disabled) and rtm").hasSize(1);
        assertThat(RuleHarness.reasons(harness.explain("sky")).get(0)).contains("missing features rtm");
        assertThat(RuleHarness.reasons(harness.explain("has")).get(0)).contains("host-model CPU (Skylake-Client-IBRS)");
    }

    @Test
    void aHostModelGuestWithoutModelTakesItsSourceHostModelDefinition() {
        Guest bare = guest(HOST_MODEL_GUEST, DiskSharing.SHARED,
                xml -> xml.replace("<model fallback='allow'>Skylake-Client-IBRS</model>", ""));
        RuleHarness harness = new RuleHarness(CpuRule::new,
                host("src").hostModel("Haswell", "Intel").guest(bare).build(),
                host("same").hostModel("Haswell-noTSX", "Intel", "hle", "rtm").build(),
                host("older").hostModel("SandyBridge", "Intel").build());

        assertThat(harness.explain("same").violations()).isEmpty();
        assertThat(RuleHarness.reasons(harness.explain("older")).get(0)).contains("avx2", "fma");
    }

    @Test
    void hostPassthroughNeedsTheSameModelAndASupersetOfFlagsAndIsAlwaysARisk() {
        Guest passthrough = guest(PASSTHROUGH_GUEST, DiskSharing.SHARED);
        RuleHarness harness = new RuleHarness(CpuRule::new,
                host("src").cpu("Skylake-Client-IBRS", "Intel", "vmx", "pdpe1gb").guest(passthrough).build(),
                host("twin").cpu("Skylake-Client-IBRS", "Intel", "vmx", "pdpe1gb", "md-clear").build(),
                host("fewer").cpu("Skylake-Client-IBRS", "Intel", "vmx").build(),
                host("other").cpu("Cascadelake-Server", "Intel", "vmx", "pdpe1gb").build());

        Findings twin = harness.explain("twin");
        assertThat(twin.violations()).isEmpty();
        assertThat(twin.risks()).extracting(Risk::reason).anyMatch(r -> r.startsWith("host-passthrough guest"));
        assertThat(RuleHarness.reasons(harness.explain("fewer"))).singleElement().asString().contains("pdpe1gb");
        assertThat(RuleHarness.reasons(harness.explain("other"))).anySatisfy(reason -> assertThat(reason)
                .contains("src is Intel Skylake-Client-IBRS, other is Intel Cascadelake-Server"));
    }

    @Test
    void tcgGuestsAreJudgedByWhatQemuEmulatesNotByTheHostCpu() {
        // qemu64 + hypervisor + lahf_lm under TCG; the host CPU and KVM host-model (Conroe) do not matter.
        Guest tcg = guest(LOCAL_CHAIN_GUEST, DiskSharing.SHARED);
        RuleHarness harness = new RuleHarness(CpuRule::new, host("src").guest(tcg).build(),
                host("old").cpu("Conroe", "Intel").hostModel("Conroe", "Intel").tcgDomcaps(golden(DOMCAPS_TCG))
                        .build());

        Findings findings = harness.explain("old");
        assertThat(findings.violations()).isEmpty();
        assertThat(findings.risks()).isEmpty();
        assertThat(((CpuRule) harness.rule).offeredFeatures(1, "qemu")).contains("lahf_lm", "hypervisor", "sse4.2")
                .isNotEqualTo(((CpuRule) harness.rule).offeredFeatures(1));
    }

    @Test
    void withoutTcgDomainCapabilitiesATcgGuestIsNotComparedOnlyARisk() {
        Guest tcg = guest(LOCAL_CHAIN_GUEST, DiskSharing.SHARED);
        RuleHarness harness = new RuleHarness(CpuRule::new, host("src").guest(tcg).build(),
                host("old").cpu("Conroe", "Intel").hostModel("Conroe", "Intel").build());

        Findings findings = harness.explain("old");
        assertThat(findings.violations()).isEmpty();
        assertThat(findings.risks()).extracting(Risk::reason).singleElement().asString().startsWith("TCG guest")
                .contains("no 'qemu' domain capabilities of old");
    }

    @Test
    void aTcgGuestNeedsItsFeaturesInTheDestinationsTcgHostModel() {
        // Measured in the lab: `lab.sh vary 2 --cpu-feature-off sse4.2` makes host 2's TCG host-model Opteron_G3
        // + extras without sse4.2, and libvirt refuses the lab guests there ("missing features: sse4.2").
        Guest lab = guest(LAB_TCG_GUEST, DiskSharing.SHARED);
        RuleHarness harness = new RuleHarness(CpuRule::new,
                host("lab-host1").tcgDomcaps(golden(DOMCAPS_TCG)).guest(lab).build(),
                host("lab-host2").tcgDomcaps(golden(DOMCAPS_TCG_NO_SSE42)).build(),
                host("lab-host3").tcgDomcaps(golden(DOMCAPS_TCG)).build());

        assertThat(((CpuRule) harness.rule).requiredFeatures(0)).contains("ssse3", "sse4.1", "sse4.2", "popcnt");
        assertThat(harness.explain("lab-host3").violations()).isEmpty();
        Findings findings = harness.explain("lab-host2");
        assertThat(RuleHarness.reasons(findings)).singleElement().asString()
                .contains("lab-host2 (TCG host-model Opteron_G3) cannot give the guest's CPU qemu64")
                .endsWith("missing features sse4.2");
        assertThat(findings.violations().get(0).fix()).contains("<feature policy='disable' name='sse4.2'/>");
    }

    @Test
    void tcgGuestsIgnoreTheHostVendorAndKvmGuestsTheTcgCapabilities() {
        Guest intelTcg = guest(LAB_TCG_GUEST, DiskSharing.SHARED,
                xml -> xml.replace("<model fallback='forbid'>qemu64</model>",
                        "<model fallback='forbid'>qemu64</model><vendor>Intel</vendor>"));
        RuleHarness tcg = new RuleHarness(CpuRule::new,
                host("src").tcgDomcaps(golden(DOMCAPS_TCG)).guest(intelTcg).build(),
                host("amd").cpu("EPYC-Rome", "AMD").tcgDomcaps(golden(DOMCAPS_TCG)).build());
        assertThat(tcg.explain("amd").violations()).as("TCG emulates an Intel CPU on AMD").isEmpty();

        // A KVM Broadwell guest is still judged by the kvm host-model, even where TCG could emulate Broadwell.
        RuleHarness kvm = new RuleHarness(CpuRule::new, source(BROADWELL),
                host("has").hostModel("Haswell", "Intel").tcgDomcaps(golden(DOMCAPS_TCG)).build());
        assertThat(RuleHarness.reasons(kvm.explain("has"))).singleElement().asString().contains("host-model Haswell")
                .doesNotContain("TCG");
    }

    @Test
    void aModelTheCpuMapDoesNotKnowBlocksAndNamesTheMap() {
        Guest future = guest(RBD_GUEST, DiskSharing.SHARED, xml -> xml.replace(">Broadwell<", ">Zen9000<"));
        RuleHarness harness = new RuleHarness(CpuRule::new, source(future), host("dst").build());

        assertThat(RuleHarness.reasons(harness.explain("dst"))).singleElement().asString()
                .contains("'Zen9000' is not in the CPU map at /usr/share/libvirt/cpu_map");
    }

    @Test
    void aGuestWithoutCpuElementRunsQemu64() {
        Guest plain = guest(RBD_GUEST, DiskSharing.SHARED,
                xml -> xml.substring(0, xml.indexOf("<cpu ")) + xml.substring(xml.indexOf("</cpu>") + 6));
        RuleHarness harness = new RuleHarness(CpuRule::new, source(plain),
                host("dst").hostModel("Westmere", "Intel").build());

        // qemu64 minus svm, which QEMU filters silently on Intel hosts.
        assertThat(((CpuRule) harness.rule).requiredFeatures(0))
                .containsAll(Fixtures.CPU_MAP.expand("x86_64", "qemu64").stream()
                        .filter(feature -> !feature.equals("svm")).toList())
                .doesNotContain("svm");
        Findings findings = harness.explain("dst");
        assertThat(findings.violations()).isEmpty();
        assertThat(findings.risks()).extracting(Risk::reason).anyMatch(r -> r.contains("has no <cpu>"));
    }

    private static String[] without(String[] values, String removed) {
        return Arrays.stream(values).filter(v -> !v.equals(removed)).toArray(String[]::new);
    }
}
