package io.drover.compat;

import static io.drover.compat.Fixtures.LOCAL_CHAIN_GUEST;
import static io.drover.compat.Fixtures.PASSTHROUGH_GUEST;
import static io.drover.compat.Fixtures.RBD_GUEST;
import static io.drover.compat.Fixtures.guest;
import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.DiskSharing;
import io.drover.model.Guest;
import io.drover.model.HostStatus;
import io.drover.model.PowerState;
import io.drover.model.SnapshotHost;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompatibilityEngineTest {

    private static final String[] NOVA_EXTRAS = {"vme", "f16c", "rdrand", "hypervisor", "arat", "xsaveopt", "abm"};

    private static Guest nova() {
        return guest(RBD_GUEST, DiskSharing.SHARED, xml -> xml.replace("pc-i440fx-rhel7.5.0", "pc-i440fx-7.2"));
    }

    private static SnapshotHost broadwell(String name, Guest... guests) {
        var builder = host(name).cpu("Broadwell", "Intel").hostModel("Broadwell", "Intel", NOVA_EXTRAS);
        for (Guest guest : guests) {
            builder.guest(guest);
        }
        return builder.build();
    }

    @Test
    void aGoodDestinationIsLiveWithTheRisksOfTheGuest() {
        CompatibilityEngine engine = Fixtures.engine(broadwell("src", nova()), broadwell("dst"));

        Verdict verdict = engine.check("instance-000028ae", "src", "dst");

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.mode()).contains(MigrationMode.LIVE);
        assertThat(verdict.copyDisks()).isEmpty();
        assertThat(verdict.violations()).isEmpty();
        // The golden (nested KVM) domain capabilities list Broadwell usable='no' without blockers: a risk only.
        assertThat(verdict.risks()).extracting(Risk::ruleId).containsExactly(CpuRule.ID, SysinfoRule.ID);
        assertThat(verdict.risks().get(0).reason()).contains("usable='no' without naming blockers");
        assertThat(verdict.risks().get(1).reason()).contains("system.serial=4c4c4544-0000-1111-8888-b9c04f4c0000");
    }

    @Test
    void everyReasonIsReportedNotOnlyTheFirst() {
        SnapshotHost bad = host("bad").cpu("SandyBridge", "Intel").hostModel("SandyBridge", "Intel")
                .versions("8.0.0", "6.2.0").uuid(UUID.nameUUIDFromBytes("src".getBytes()))
                .editCaps(caps -> caps.replace("<machine maxCpus='255'>pc-i440fx-7.2</machine>", "")).build();
        CompatibilityEngine engine = Fixtures.engine(broadwell("src", nova()), bad);

        Verdict verdict = engine.check("instance-000028ae", "bad");

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.mode()).isEmpty();
        assertThat(verdict.violations()).extracting(Violation::ruleId).containsExactlyInAnyOrder(
                HostIdentityRule.ID, MachineTypeRule.ID, VersionsRule.ID, VersionsRule.ID, CpuRule.ID);
        assertThat(engine.allowed(0, 1)).isFalse();
    }

    @Test
    void sameHostStaleAndFailedDestinationsAreRefused() {
        CompatibilityEngine engine = Fixtures.engine(broadwell("src", nova()),
                host("stale").cpu("Broadwell", "Intel").hostModel("Broadwell", "Intel", NOVA_EXTRAS)
                        .status(HostStatus.STALE).build(),
                host("down").status(HostStatus.FAILED).build());

        assertThat(engine.check("instance-000028ae", "src").violations()).extracting(Violation::ruleId)
                .containsExactly(SameHostRule.ID);
        assertThat(engine.check("instance-000028ae", "stale").violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(DestinationStatusRule.ID);
            assertThat(v.reason()).contains("stale is STALE").contains("No route to host");
        });
        assertThat(engine.check("instance-000028ae", "down").violations()).singleElement()
                .extracting(Violation::reason).asString().contains("down could not be collected");
    }

    @Test
    void explainCoversEveryOtherHost() {
        CompatibilityEngine engine = Fixtures.engine(broadwell("a", nova()), broadwell("b"),
                host("c").cpu("Haswell", "Intel").hostModel("Haswell", "Intel", NOVA_EXTRAS).build());

        List<Verdict> verdicts = engine.explain("instance-000028ae");

        assertThat(verdicts).extracting(Verdict::destination, Verdict::allowed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", true),
                        org.assertj.core.groups.Tuple.tuple("c", false));
    }

    @Test
    void guestStateAndNameClashes() {
        Guest running = nova();
        Guest sameNameOtherUuid = guest(RBD_GUEST, DiskSharing.SHARED, xml -> xml
                .replace("pc-i440fx-rhel7.5.0", "pc-i440fx-7.2")
                .replace("<uuid>0d7c2f4e-8a31-4b6d-9e52-c1a8f3b7d906</uuid>",
                        "<uuid>11111111-8a31-4b6d-9e52-c1a8f3b7d906</uuid>"))
                .withState(PowerState.SHUTOFF);
        Guest inactiveCopy = running.withState(PowerState.SHUTOFF);
        CompatibilityEngine engine = Fixtures.engine(broadwell("src", running), broadwell("clash", sameNameOtherUuid),
                broadwell("copy", inactiveCopy));

        assertThat(engine.check("instance-000028ae", "src", "clash").violations()).singleElement()
                .extracting(Violation::reason).asString().contains("already has a domain named instance-000028ae");
        Verdict toCopy = engine.check("instance-000028ae", "src", "copy");
        assertThat(toCopy.allowed()).isTrue();
        assertThat(toCopy.risks()).extracting(Risk::ruleId).contains(NameClashRule.ID);
        assertThat(engine.check("instance-000028ae", "copy", "src").violations()).extracting(Violation::ruleId)
                .contains(GuestStateRule.ID, NameClashRule.ID);
    }

    @Test
    void unknownOrAmbiguousNamesAreReported() {
        CompatibilityEngine engine = Fixtures.engine(broadwell("a", nova()),
                broadwell("b", nova().withState(PowerState.RUNNING)));

        assertThatThrownBy(() -> engine.check("nope", "a")).isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("no guest named nope");
        assertThatThrownBy(() -> engine.check("instance-000028ae", "a", "zz")).isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("no host named zz");
        assertThatThrownBy(() -> engine.explain("instance-000028ae")).isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("defined on several hosts (a, b)");
    }

    @Test
    void largeMemoryIsARiskAtTheExpectedBandwidth() {
        CompatibilityPolicy slow = CompatibilityPolicy.defaults().withMigrationBandwidth(8L << 20);
        CompatibilityEngine engine = new CompatibilityEngine(Fixtures.snapshot(broadwell("a", nova()),
                broadwell("b")), slow, Fixtures.CPU_MAP);

        assertThat(engine.check("instance-000028ae", "b").risks()).extracting(Risk::reason)
                .anyMatch(reason -> reason.startsWith("1024 MiB of memory takes about 128 s per pass at 8 MiB/s"));
    }

    @Test
    void theFastPathAgreesWithTheFullVerdictOnEveryPair() {
        Guest local = guest(LOCAL_CHAIN_GUEST, DiskSharing.LOCAL);
        Guest passthrough = guest(PASSTHROUGH_GUEST, DiskSharing.SHARED,
                xml -> xml.replace("pc-i440fx-rhel7.0.0", "pc-q35-7.2"));
        CompatibilityEngine engine = Fixtures.engine(
                broadwell("a", nova(), local),
                host("b").cpu("Skylake-Client-IBRS", "Intel").hostModel("Skylake-Client-IBRS", "Intel", NOVA_EXTRAS)
                        .guest(passthrough).build(),
                host("c").cpu("Haswell", "Intel").versions("9.0.0", "7.1.0").build(),
                host("d").status(HostStatus.STALE).build(),
                host("e").cpu("Skylake-Client-IBRS", "Intel").uuid(null).build());
        FleetIndex fleet = engine.fleet();
        int allowed = 0;
        for (int g = 0; g < fleet.guestCount(); g++) {
            for (int h = 0; h < fleet.hostCount(); h++) {
                Verdict verdict = engine.check(g, h); // throws if fast and full paths disagree
                assertThat(verdict.allowed()).isEqualTo(engine.allowed(g, h));
                allowed += verdict.allowed() ? 1 : 0;
            }
        }
        assertThat(allowed).as("a→b for nova and the TCG guest").isEqualTo(2);
        assertThat(engine.check("web-01", "b").mode()).contains(MigrationMode.LIVE_BLOCK_ALL);
    }
}
