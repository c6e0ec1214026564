package io.drover.libvirt.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.drover.model.Sysinfo;

class SysinfoParserTest {

    /** libvirt's tests/sysinfodata/x86sysinfo.expect: one processor and two DIMMs, indexed. */
    @Test
    void hostSysinfoWithRepeatedDeviceBlocks() {
        Sysinfo sysinfo = SysinfoParser.parse(Golden.read("sysinfo-x86-host.xml"));

        assertThat(sysinfo.type()).isEqualTo("smbios");
        assertThat(sysinfo.entries())
                .hasSize(4 + 7 + 10 + 10 + 10)
                .containsEntry("bios.vendor", "LENOVO")
                .containsEntry("bios.version", "6DET62WW (3.12 )")
                .containsEntry("system.serial", "L3AAK6G")
                .containsEntry("system.uuid", "4CD00C81-4A85-11CB-88EC-A5A7A8F13986")
                .containsEntry("processor.0.version", "Intel(R) Core(TM)2 Duo CPU     P8600  @ 2.40GHz")
                .containsEntry("processor.0.max_speed", "2400 MHz")
                .containsEntry("memory_device.0.locator", "DIMM 1")
                .containsEntry("memory_device.1.locator", "DIMM 2")
                .containsEntry("memory_device.1.serial_number", "29057112")
                .containsEntry("memory_device.0.type", "<OUT OF SPEC>");
    }

    @Test
    void testDriverSysinfo() {
        Sysinfo sysinfo = SysinfoParser.parse(Golden.read("sysinfo-test-driver.xml"));

        assertThat(sysinfo.entries()).isEqualTo(Map.of(
                "bios.vendor", "LENOVO",
                "bios.version", "G4ETA1WW (2.61 )",
                "bios.date", "05/07/2014",
                "bios.release", "2.61"));
    }

    @Test
    void laterOccurrencesOfAFlatBlockAreIndexedFromOne() {
        Sysinfo sysinfo = SysinfoParser.parse("""
                <sysinfo type='smbios'>
                  <baseBoard><entry name='serial'>A</entry></baseBoard>
                  <baseBoard><entry name='serial'>B</entry></baseBoard>
                </sysinfo>""");

        assertThat(sysinfo.entries()).isEqualTo(Map.of("baseBoard.serial", "A", "baseBoard.1.serial", "B"));
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> SysinfoParser.parse("<sysinfo type='smbios'>\n<bios>\n<entry>x</entry></bios></sysinfo>"))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("sysinfo XML line 3: <entry> in <bios> has no 'name' attribute");
        assertThatThrownBy(() -> SysinfoParser.parse(""))
                .isInstanceOf(LibvirtXmlException.class)
                .hasMessage("sysinfo XML: empty document");
    }
}
