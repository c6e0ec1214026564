package io.drover.compat;

import static io.drover.compat.Fixtures.LOCAL_CHAIN_GUEST;
import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.DiskSharing;
import io.drover.model.Guest;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MachineTypeRuleTest {

    /** The golden QEMU 7.2 capabilities without one machine line. */
    private static UnaryOperator<String> dropMachine(String machine) {
        return caps -> caps.replaceAll("\\s*<machine maxCpus='\\d+'>" + machine.replace(".", "\\.") + "</machine>", "");
    }

    private static Guest rbdGuestWithMachine(String machine) {
        return guest(RBD_GUEST, DiskSharing.SHARED, xml -> xml.replace("pc-i440fx-rhel7.5.0", machine));
    }

    @ParameterizedTest(name = "guest {0}, destination without {1}: allowed={2}")
    @CsvSource({
            "pc-i440fx-7.2,  none,          true",
            "pc-i440fx-7.2,  pc-i440fx-7.2, false",
            "pc-q35-6.2,     pc-i440fx-7.2, true",
            "pc-q35-6.2,     pc-q35-6.2,    false",
            // the guest runs the source's canonical machine for its alias
            "pc,             pc-i440fx-7.2, false",
            "pc,             pc-q35-7.2,    true",
            "q35,            pc-q35-7.2,    false",
            // a RHEL machine no Debian QEMU offers
            "pc-i440fx-rhel7.5.0, none,     false"})
    void theDestinationMustOfferTheMachineTheGuestRuns(String machine, String dropped, boolean allowed) {
        RuleHarness harness = new RuleHarness(MachineTypeRule::new,
                host("src").guest(rbdGuestWithMachine(machine)).build(),
                host("dst").editCaps(dropped.equals("none") ? UnaryOperator.identity() : dropMachine(dropped))
                        .build());

        Findings findings = harness.explain("dst");

        assertThat(findings.violations().isEmpty()).isEqualTo(allowed);
        findings.violations().forEach(violation -> assertThat(violation.reason()).contains("does not offer machine"));
    }

    @Test
    void anAliasIsResolvedLikeTheSourceAndReportedAsARisk() {
        // The destination's newer QEMU: 'pc' now means pc-i440fx-8.0 and it still has pc-i440fx-7.2.
        RuleHarness harness = new RuleHarness(MachineTypeRule::new,
                host("src").guest(rbdGuestWithMachine("pc")).build(),
                host("new").editCaps(caps -> caps.replace("<machine canonical='pc-i440fx-7.2' maxCpus='255'>pc",
                        "<machine maxCpus='255'>pc-i440fx-8.0</machine>"
                                + "<machine canonical='pc-i440fx-8.0' maxCpus='255'>pc")).build());

        Findings findings = harness.explain("new");

        assertThat(findings.violations()).isEmpty();
        assertThat(findings.risks()).singleElement().extracting(Risk::reason).asString()
                .contains("unversioned machine type 'pc' (runs pc-i440fx-7.2)")
                .contains("its next boot gives it pc-i440fx-8.0");
        assertThat(((MachineTypeRule) harness.rule).effectiveMachine(0)).isEqualTo("pc-i440fx-7.2");
    }

    @Test
    void theViolationNamesTheGuestsAliasAndTheNearestMachines() {
        RuleHarness harness = new RuleHarness(MachineTypeRule::new,
                host("src").guest(rbdGuestWithMachine("pc")).build(),
                host("dst").versions("9.0.0", "7.1.0").editCaps(dropMachine("pc-i440fx-7.2")).build());

        assertThat(RuleHarness.reasons(harness.explain("dst"))).singleElement().asString()
                .contains("QEMU 7.1.0 on dst does not offer machine type 'pc-i440fx-7.2'")
                .contains("defined as 'pc'")
                .contains("nearest offered: pc-i440fx-6.2, pc-i440fx-7.0, pc-i440fx-7.1");
    }

    @Test
    void theDestinationMustOfferTheGuestsDomainTypeAndArch() {
        Guest tcg = guest(LOCAL_CHAIN_GUEST, DiskSharing.SHARED);
        RuleHarness harness = new RuleHarness(MachineTypeRule::new,
                host("src").guest(rbdGuestWithMachine("pc-i440fx-7.2")).guest(tcg).build(),
                host("nokvm").editCaps(caps -> caps.replace("<domain type='kvm'/>", "")).build(),
                host("arm").editCaps(caps -> caps.replace("<arch>x86_64</arch>", "<arch>aarch64</arch>")).build());

        assertThat(RuleHarness.reasons(harness.explain(0, "nokvm"))).singleElement().asString()
                .contains("offers no 'kvm' domains");
        assertThat(harness.explain(1, "nokvm").violations()).as("the TCG guest").isEmpty();
        // The capabilities parser keeps the guests of the host's arch: an aarch64 host offers no x86_64 machines.
        assertThat(RuleHarness.reasons(harness.explain(0, "arm"))).first().asString()
                .isEqualTo("arm is aarch64, the guest is x86_64");
    }
}
