package io.drover.libvirt.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code virsh domstats} output into each domain's statistics by name, the form
 * {@link io.drover.libvirt.HypervisorConnection#domainStats()} gives for a live host:
 * <pre>
 * Domain: 'web-1'
 *   block.count=1
 *   block.0.name=vda
 *   block.0.allocation=1073741824
 * </pre>
 */
public final class VirshDomstatsParser {

    static final String KIND = "virsh domstats output";

    private static final Pattern DOMAIN = Pattern.compile("^Domain: '(.*)'\\s*$");
    private static final Pattern STAT = Pattern.compile("^\\s+([^=\\s]+)=(.*)$");

    private VirshDomstatsParser() {
    }

    /** @throws LibvirtXmlException naming the line of a statistic outside a domain or a line of neither form */
    public static Map<String, Map<String, String>> parse(String text) {
        Map<String, Map<String, String>> byDomain = new LinkedHashMap<>();
        Map<String, String> current = null;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher domain = DOMAIN.matcher(lines[i]);
            Matcher stat = STAT.matcher(lines[i]);
            if (domain.matches()) {
                current = byDomain.computeIfAbsent(domain.group(1), name -> new LinkedHashMap<>());
            } else if (stat.matches() && current != null) {
                current.put(stat.group(1), stat.group(2));
            } else {
                throw new LibvirtXmlException(KIND, i + 1, current == null
                        ? "expected \"Domain: 'NAME'\", found \"" + lines[i].strip() + "\""
                        : "expected \"  statistic=value\", found \"" + lines[i].strip() + "\"");
            }
        }
        return byDomain;
    }
}
