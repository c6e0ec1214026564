package io.drover.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A directory of {@code virsh} dumps, one subdirectory per host, for planning a fleet offline:
 *
 * <pre>
 * DIR/fleet.yaml                      optional: defaults and per-host labels, shared_mounts, mounts, kernel
 * DIR/&lt;host&gt;/capabilities.xml        virsh capabilities
 * DIR/&lt;host&gt;/domcapabilities.xml     virsh domcapabilities
 * DIR/&lt;host&gt;/domcapabilities-TYPE.xml optional: virsh domcapabilities --virttype TYPE (e.g. qemu for TCG guests)
 * DIR/&lt;host&gt;/version.txt             virsh version
 * DIR/&lt;host&gt;/domains/&lt;name&gt;.xml      virsh dumpxml, one per domain
 * DIR/&lt;host&gt;/host.yaml               optional: labels, shared_mounts, mounts, kernel
 * DIR/&lt;host&gt;/sysinfo.xml             optional: virsh sysinfo
 * DIR/&lt;host&gt;/mounts                  optional: a copy of the host's /proc/mounts
 * DIR/&lt;host&gt;/hostname.txt            optional: the host's hostname, else the directory name
 * </pre>
 */
public final class DumpDirectory {

    static final String FLEET_FILE = "fleet.yaml";
    static final String HOST_FILE = "host.yaml";

    private DumpDirectory() {
    }


    /** The hosts of a dump directory; host directories whose settings are invalid are reported and left out. */
    public static Fleet fleet(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        Path fleetFile = dir.resolve(FLEET_FILE);
        Fleet declared = Files.exists(fleetFile)
                ? FleetFileReader.forDumpDirectory().read(fleetFile)
                : new Fleet(fleetFile.toString(), List.of(), List.of());
        Map<String, HostSource> declaredByName = declared.hosts().stream()
                .collect(Collectors.toMap(HostSource::name, Function.identity()));
        List<String> problems = new ArrayList<>(declared.problems());
        List<HostSource> hosts = new ArrayList<>();
        List<Path> hostDirs = hostDirectories(dir);
        for (Path hostDir : hostDirs) {
            String name = hostDir.getFileName().toString();
            HostSettings settings = settingsOf(declaredByName.get(name));
            try {
                Path hostFile = hostDir.resolve(HOST_FILE);
                if (Files.exists(hostFile)) {
                    settings = settings.with(FleetFileReader.readSettings(hostFile));
                }
                settings = settings.with(mountsOf(hostDir));
                hosts.add(settings.toSource(name, HostSource.DUMP_SCHEME + hostDir, hostDir.toString()));
            } catch (FleetDefinitionException e) {
                problems.add("host '" + name + "': " + e.getMessage());
            }
        }
        declaredByName.keySet().stream()
                .filter(name -> hostDirs.stream().noneMatch(hostDir -> hostDir.getFileName().toString().equals(name)))
                .sorted()
                .forEach(name -> problems.add(fleetFile + ": host '" + name + "' has no directory " + dir.resolve(name)));
        return new Fleet(dir.toString(), hosts, problems);
    }

    private static HostSettings settingsOf(HostSource declared) {
        return declared == null ? HostSettings.NONE
                : new HostSettings(declared.labels(), declared.sharedMounts(), declared.mounts(), declared.kernel());
    }

    private static List<Path> hostDirectories(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FleetDefinitionException("dump directory " + dir + " does not exist or is not a directory");
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FleetDefinitionException("cannot list dump directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Mount points from a copy of {@code /proc/mounts}: device, path, type, options… per line. */
    private static HostSettings mountsOf(Path hostDir) {
        Path mounts = hostDir.resolve("mounts");
        if (!Files.exists(mounts)) {
            return HostSettings.NONE;
        }
        try (Stream<String> lines = Files.lines(mounts)) {
            List<MountPoint> points = lines.map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .filter(fields -> fields.length >= 3)
                    .map(fields -> new MountPoint(unescapeOctal(fields[1]), fields[2]))
                    .toList();
            return new HostSettings(Map.of(), List.of(), points, Optional.empty());
        } catch (IOException e) {
            throw new FleetDefinitionException("cannot read " + mounts + ": " + e.getMessage(), e);
        }
    }

    /** /proc/mounts writes a space in a path as \040. */
    private static String unescapeOctal(String path) {
        return path.replace("\\040", " ").replace("\\011", "\t");
    }
}
