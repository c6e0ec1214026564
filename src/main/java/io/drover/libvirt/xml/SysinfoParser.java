package io.drover.libvirt.xml;

import io.drover.model.Sysinfo;

/**
 * Reads a host's {@code virsh sysinfo} output. Keys are flattened as described in {@link SysinfoEntries}: the
 * repeated {@code <processor>} and {@code <memory_device>} blocks are indexed ({@code processor.0.version},
 * {@code memory_device.1.size}) rather than dropped, so per-socket facts stay available.
 */
public final class SysinfoParser {

    static final String KIND = "sysinfo XML";

    private SysinfoParser() {
    }

    /** @throws LibvirtXmlException when the XML is malformed, is not a {@code <sysinfo>}, or has a nameless entry */
    public static Sysinfo parse(String xml) {
        return SysinfoEntries.read(XmlDocument.parse(xml, KIND, "sysinfo").root());
    }
}
