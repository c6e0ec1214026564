package io.drover.inventory;

import io.drover.libvirt.xml.LibvirtXmlException;
import io.drover.libvirt.xml.VirshDomstatsParser;
import io.drover.libvirt.xml.VirshVersionParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads one host of a {@link DumpDirectory}; a missing required file fails the host, naming the file. */
public final class DumpHostReader implements HostReader {

    @Override
    public RawHost read(HostSource source) {
        Path dir = Path.of(source.uri().substring(HostSource.DUMP_SCHEME.length()));
        String hostname = optional(dir.resolve("hostname.txt")).map(String::trim).orElse(source.name());
        return new RawHost(hostname, VirshVersionParser.parse(required(dir.resolve("version.txt"))),
                required(dir.resolve("capabilities.xml")), domainCapabilities(dir), optional(dir.resolve("sysinfo.xml")),
                Optional.empty(), domains(dir.resolve("domains")), domainStats(dir.resolve("domstats.txt")));
    }

    /**
     * Optional {@code domstats.txt}: {@code virsh domstats --block --balloon}, for disk sizes and the memory guests
     * use.
     */
    private static Map<String, Map<String, String>> domainStats(Path file) {
        try {
            return optional(file).map(VirshDomstatsParser::parse).orElse(Map.of());
        } catch (LibvirtXmlException e) {
            throw new DumpFileException(file + ": " + e.getMessage(), e);
        }
    }

    /** {@code domcapabilities.xml} (virsh's default domain type), plus {@code domcapabilities-<type>.xml} if dumped. */
    private static List<String> domainCapabilities(Path dir) {
        List<String> documents = new ArrayList<>();
        documents.add(required(dir.resolve("domcapabilities.xml")));
        xmlFiles(dir, "domcapabilities-").forEach(file -> documents.add(required(file)));
        return documents;
    }

    private static List<Path> xmlFiles(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix))
                    .filter(file -> file.getFileName().toString().endsWith(".xml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DumpFileException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static List<RawDomain> domains(Path domainsDir) {
        if (!Files.isDirectory(domainsDir)) {
            throw new DumpFileException(domainsDir + ": missing (a host without guests has an empty domains/)");
        }
        return xmlFiles(domainsDir, "").stream()
                .map(file -> new RawDomain(file.toString(), Optional.empty(), required(file)))
                .toList();
    }

    private static String required(Path file) {
        return optional(file).orElseThrow(() -> new DumpFileException(file + ": missing"));
    }

    private static Optional<String> optional(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DumpFileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A dump file that is missing or unreadable. */
    static final class DumpFileException extends RuntimeException {
        DumpFileException(String message) {
            super(message);
        }

        DumpFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
