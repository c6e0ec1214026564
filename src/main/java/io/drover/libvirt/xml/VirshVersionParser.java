package io.drover.libvirt.xml;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.drover.model.HostVersions;
import io.drover.model.Version;

/**
 * Reads {@code virsh version} output into {@link HostVersions}, kernel empty:
 * <pre>
 * Compiled against library: libvirt 9.0.0
 * Using library: libvirt 9.0.0
 * Using API: QEMU 9.0.0
 * Running hypervisor: QEMU 7.2.0
 * </pre>
 * The libvirt version is the one in use ({@code Using library}), not the one virsh was built against. The QEMU
 * version is {@code Running hypervisor}; a host whose hypervisor is not QEMU (libvirt's test driver says
 * {@code TEST 0.0.2}) is refused rather than read as a QEMU version.
 */
public final class VirshVersionParser {

    static final String KIND = "virsh version output";

    private static final String LIBRARY_LINE = "Using library: libvirt <version>";
    private static final String HYPERVISOR_LINE = "Running hypervisor: QEMU <version>";
    private static final Pattern LIBRARY = Pattern.compile("^\\s*Using library:\\s*libvirt\\s+(\\S+)\\s*$");
    private static final Pattern HYPERVISOR = Pattern.compile("^\\s*Running hypervisor:\\s*(\\S+)\\s+(\\S+)\\s*$");

    private VirshVersionParser() {
    }

    /** @throws LibvirtXmlException when a line is missing, a version is unreadable, or the hypervisor is not QEMU */
    public static HostVersions parse(String text) {
        Version libvirt = null;
        Version qemu = null;
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            Matcher library = LIBRARY.matcher(lines[i]);
            if (library.matches()) {
                libvirt = version(library.group(1), lineNumber, "libvirt");
                continue;
            }
            Matcher hypervisor = HYPERVISOR.matcher(lines[i]);
            if (hypervisor.matches()) {
                if (!hypervisor.group(1).equals("QEMU")) {
                    throw new LibvirtXmlException(KIND, lineNumber, "hypervisor is '" + hypervisor.group(1) + " "
                            + hypervisor.group(2) + "', expected '" + HYPERVISOR_LINE + "'");
                }
                qemu = version(hypervisor.group(2), lineNumber, "QEMU");
            }
        }
        if (libvirt == null) {
            throw new LibvirtXmlException(KIND, 0, "no '" + LIBRARY_LINE + "' line");
        }
        if (qemu == null) {
            throw new LibvirtXmlException(KIND, 0, "no '" + HYPERVISOR_LINE + "' line");
        }
        return new HostVersions(libvirt, qemu, Optional.empty());
    }

    private static Version version(String text, int lineNumber, String what) {
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            throw new LibvirtXmlException(KIND, lineNumber, "unreadable " + what + " version '" + text + "'");
        }
    }
}
