package io.drover.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the CPU map installed with libvirt on this machine (/usr/share/libvirt/cpu_map, libvirt 9.0). */
class CpuMapTest {

    private final CpuMap map = Fixtures.CPU_MAP;

    @Test
    void sandyBridgeIsASubsetOfHaswellAndHaswellAddsAvx2() {
        assertThat(map.expand("x86_64", "Haswell")).containsAll(map.expand("x86_64", "SandyBridge"))
                .contains("avx2", "fma", "bmi1", "bmi2", "movbe");
        assertThat(map.expand("x86_64", "SandyBridge")).contains("avx", "sse4.2").doesNotContain("avx2");
    }

    @Test
    void skylakeClientHasAvx2AndIsIntel() {
        assertThat(map.expand("x86_64", "Skylake-Client")).contains("avx2", "rdseed", "adx");
        assertThat(map.vendor("x86_64", "Skylake-Client")).contains("Intel");
        assertThat(map.vendor("x86_64", "EPYC-Rome")).contains("AMD");
    }

    @Test
    void featureAliasesResolveToLibvirtNames() {
        assertThat(map.canonicalFeature("x86_64", "sse4_2")).isEqualTo("sse4.2");
        assertThat(map.canonicalFeature("x86_64", "pclmulqdq")).isEqualTo("pclmuldq");
        assertThat(map.canonicalFeature("x86_64", "avx2")).isEqualTo("avx2");
        assertThat(map.features("x86_64")).contains("avx512f", "vmx", "svm").hasSizeGreaterThan(150);
    }

    @Test
    void archFamiliesMapToTheIndexArchNames() {
        assertThat(CpuMap.family("x86_64")).isEqualTo("x86");
        assertThat(CpuMap.family("i686")).isEqualTo("x86");
        assertThat(CpuMap.family("aarch64")).isEqualTo("arm");
        assertThat(map.hasModel("aarch64", "cortex-a72")).isTrue();
        assertThat(map.hasModel("x86_64", "cortex-a72")).isFalse();
    }

    @Test
    void anUnknownModelIsAnErrorNamingTheMap() {
        assertThatThrownBy(() -> map.expand("x86_64", "Zen9000"))
                .isInstanceOf(CpuMapException.class)
                .hasMessageContaining("Zen9000").hasMessageContaining("/usr/share/libvirt/cpu_map");
    }

    @Test
    void aMissingDirectoryIsAClearErrorNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("cpu_map");
        assertThatThrownBy(() -> CpuMap.load(missing))
                .isInstanceOf(CpuMapException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("index.xml");
    }

    @Test
    void includedModelsContributeTheirFeaturesAndCyclesAreRejected(@TempDir Path dir) throws IOException {
        // Older cpu_map layouts (and other arches) build models on others: <model name='base'/> inside a model.
        Files.writeString(dir.resolve("index.xml"), """
                <cpus><arch name='x86'><include filename='x86_features.xml'/><include filename='x86_models.xml'/>
                </arch></cpus>""");
        Files.writeString(dir.resolve("x86_features.xml"), """
                <cpus><feature name='sse4.2'><alias name='sse4_2' source='qemu'/></feature>
                <feature name='avx'/><feature name='avx2'/></cpus>""");
        Files.writeString(dir.resolve("x86_models.xml"), """
                <cpus>
                  <model name='Old'><vendor name='Intel'/><feature name='sse4_2'/></model>
                  <model name='New'><model name='Old'/><feature name='avx'/></model>
                  <model name='Newer'><model name='New'/><feature name='avx2'/></model>
                  <model name='LoopA'><model name='LoopB'/></model>
                  <model name='LoopB'><model name='LoopA'/></model>
                </cpus>""");
        CpuMap small = CpuMap.load(dir);
        assertThat(small.expand("x86_64", "Newer")).containsExactly("avx", "avx2", "sse4.2");
        assertThatThrownBy(() -> small.expand("x86_64", "LoopA")).isInstanceOf(CpuMapException.class)
                .hasMessageContaining("includes itself");
    }
}
