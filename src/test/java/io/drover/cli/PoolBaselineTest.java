package io.drover.cli;

import static io.drover.compat.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.compat.CompatibilityEngine;
import io.drover.compat.CpuRule;
import io.drover.compat.Fixtures;
import io.drover.libvirt.HypervisorConnection;
import io.drover.libvirt.LibvirtJavaConnector;
import io.drover.model.DiskSharing;
import io.drover.model.Guest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool baseline with libvirt's real algorithm on the in-process test:///default driver. */
class PoolBaselineTest {

    private HypervisorConnection offline;

    @BeforeEach
    void open() {
        offline = new LibvirtJavaConnector().open("test:///default");
    }

    @AfterEach
    void close() {
        offline.close();
    }

    @Test
    void theOldestHostSetsTheBaselineAndHoldsItBack() {
        // A guest with a Haswell CPU, running on a Haswell host of the pool.
        Guest haswellGuest = Fixtures.guest(Fixtures.RBD_GUEST, DiskSharing.SHARED, xml -> xml
                .replace("pc-i440fx-rhel7.5.0", "pc-i440fx-7.2").replace(">Broadwell<", ">Haswell-noTSX<")
                .replaceAll("<feature policy='require' name='(abm|xsaveopt|arat|rdrand|f16c)'/>", ""));
        CompatibilityEngine engine = Fixtures.engine(
                host("has").label("pool", "gen9").cpu("Haswell-noTSX", "Intel", "vme", "hypervisor")
                        .hostModel("Haswell-noTSX", "Intel", "vme", "hypervisor").guest(haswellGuest).build(),
                host("sky").label("pool", "gen9").cpu("Skylake-Client-IBRS", "Intel", "vme", "hypervisor")
                        .hostModel("Skylake-Client-IBRS", "Intel", "vme", "hypervisor").build(),
                host("sandy").label("pool", "gen9").label("rack", "r1").cpu("SandyBridge", "Intel", "vme", "hypervisor")
                        .hostModel("SandyBridge", "Intel", "vme", "hypervisor").build(),
                host("elsewhere").label("pool", "gen8").cpu("Westmere", "Intel").build());

        PoolBaseline.Report report = PoolBaseline.compute(engine, PoolBaseline.selector("pool=gen9"),
                Fixtures.CPU_MAP, offline);

        assertThat(report.hosts()).containsExactly("has", "sky", "sandy");
        assertThat(report.baselineXml()).contains("<model fallback='allow'>SandyBridge</model>")
                .contains("<vendor>Intel</vendor>");
        assertThat(report.features()).containsAll(Fixtures.CPU_MAP.expand("x86_64", "SandyBridge"))
                .doesNotContain("avx2");
        assertThat(report.holdBacks()).singleElement().satisfies(holdBack -> {
            assertThat(holdBack.host()).isEqualTo("sandy");
            assertThat(holdBack.gained()).contains("avx2", "fma", "bmi1", "bmi2", "movbe");
        });
        assertThat(report.stuckGuests()).singleElement().satisfies(stuck -> {
            assertThat(stuck.guest()).isEqualTo("instance-000028ae");
            assertThat(stuck.blockedBy()).isEqualTo(Map.of("sandy", java.util.List.of(CpuRule.ID)));
        });
    }

    @Test
    void allSelectorPairsMustMatch() {
        CompatibilityEngine engine = Fixtures.engine(
                host("a").label("pool", "gen9").label("rack", "r1").cpu("Haswell", "Intel").build(),
                host("b").label("pool", "gen9").label("rack", "r2").cpu("SandyBridge", "Intel").build());

        PoolBaseline.Report report = PoolBaseline.compute(engine, PoolBaseline.selector("pool=gen9,rack=r1"),
                Fixtures.CPU_MAP, offline);

        assertThat(report.hosts()).containsExactly("a");
        assertThat(report.baselineXml()).contains(">Haswell<");
        assertThat(report.holdBacks()).isEmpty();
        assertThatThrownBy(() -> PoolBaseline.selector("pool")).hasMessageContaining("bad pool selector");
        assertThatThrownBy(() -> PoolBaseline.compute(engine, Map.of("pool", "gen1"), Fixtures.CPU_MAP, offline))
                .hasMessageContaining("no host with facts matches");
    }
}
