package io.drover.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VirshDomstatsParserTest {

    @Test
    void eachDomainGetsItsStatisticsByName() {
        Map<String, Map<String, String>> stats = VirshDomstatsParser.parse("""
                Domain: 'web-1'
                  block.count=1
                  block.0.name=vda
                  block.0.path=/var/lib/libvirt/images/web-1.qcow2
                  block.0.allocation=1074135040
                  block.0.capacity=21474836480

                Domain: 'cd only'
                  block.count=0

                """);

        assertThat(stats).containsOnlyKeys("web-1", "cd only");
        assertThat(stats.get("web-1")).containsEntry("block.0.name", "vda")
                .containsEntry("block.0.allocation", "1074135040").containsEntry("block.0.capacity", "21474836480");
        assertThat(stats.get("cd only")).containsExactly(Map.entry("block.count", "0"));
    }

    @Test
    void aStatisticBeforeAnyDomainIsRefusedWithItsLine() {
        assertThatThrownBy(() -> VirshDomstatsParser.parse("\n  block.count=1\n"))
                .isInstanceOf(LibvirtXmlException.class).hasMessageContaining("line 2")
                .hasMessageContaining("Domain: 'NAME'");
    }

    @Test
    void aLineOfNeitherFormIsRefusedWithItsLine() {
        assertThatThrownBy(() -> VirshDomstatsParser.parse("Domain: 'a'\n  block.count=1\nerror: no\n"))
                .isInstanceOf(LibvirtXmlException.class).hasMessageContaining("line 3")
                .hasMessageContaining("error: no");
    }
}
