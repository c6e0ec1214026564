package io.drover.libvirt.xml;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.drover.model.Sysinfo;

/**
 * Flattens a {@code <sysinfo type='smbios'>} element, host or guest, into {@code block.entry} keys. Shared by
 * {@link DomainXmlParser} and {@link SysinfoParser}.
 *
 * <ul>
 *   <li>{@code <bios><entry name='vendor'>X</entry>} → {@code bios.vendor=X}; likewise {@code system},
 *       {@code baseBoard}, {@code chassis} and any other block.</li>
 *   <li>{@code <oemStrings>} entries have no names: {@code oemStrings.0}, {@code oemStrings.1}…</li>
 *   <li>{@code <processor>} and {@code <memory_device>} describe one device each and repeat on hosts, so they are
 *       always indexed by occurrence: {@code processor.0.version}, {@code memory_device.1.size}.</li>
 *   <li>Any other block that repeats (libvirt allows several {@code <baseBoard>}) keeps its first occurrence flat and
 *       indexes the later ones from 1: {@code baseBoard.serial}, {@code baseBoard.1.serial}.</li>
 * </ul>
 * Entry values are kept as libvirt wrote them, inner spaces included; only leading and trailing whitespace is cut.
 */
final class SysinfoEntries {

    private static final List<String> DEVICE_BLOCKS = List.of("processor", "memory_device");

    private SysinfoEntries() {
    }

    static Sysinfo read(XmlElement sysinfo) {
        String type = sysinfo.attribute("type").orElse("smbios");
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (XmlElement block : sysinfo.children()) {
            String blockName = block.name();
            int occurrence = occurrences.merge(blockName, 1, Integer::sum) - 1;
            if (blockName.equals("oemStrings")) {
                List<XmlElement> strings = block.children("entry");
                for (int i = 0; i < strings.size(); i++) {
                    entries.put("oemStrings." + i, strings.get(i).text());
                }
                continue;
            }
            String prefix;
            if (DEVICE_BLOCKS.contains(blockName)) {
                prefix = blockName + "." + occurrence + ".";
            } else if (occurrence > 0) {
                prefix = blockName + "." + occurrence + ".";
            } else {
                prefix = blockName + ".";
            }
            for (XmlElement entry : block.children("entry")) {
                String name = entry.attribute("name")
                        .orElseThrow(() -> entry.error("<entry> in <" + blockName + "> has no 'name' attribute"));
                entries.put(prefix + name, entry.text());
            }
        }
        return new Sysinfo(type, entries);
    }
}
