package io.drover.inventory;

import io.drover.model.Version;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a fleet file:
 *
 * <pre>
 * defaults:                      # optional, merged under every host
 *   labels: {zone: a}
 *   shared_mounts: [/var/lib/nova/instances]
 * hosts:
 *   - name: kvm-01
 *     uri: qemu+ssh://root@kvm-01/system
 *     labels: {rack: r1, pool: gen9}
 *     shared_mounts: [/mnt/images]
 *     mounts: [{path: /mnt/nfs, type: nfs4}]
 *     kernel: 6.1.0
 * </pre>
 *
 * A YAML syntax error rejects the file. A bad host entry (missing name, unknown URI scheme, unknown key, duplicate
 * name…) is reported with its line and left out; the other hosts are still inventoried.
 */
public final class FleetFileReader {

    private static final Pattern URI_SCHEME = Pattern.compile("^([a-z0-9+]+):");
    private static final Set<String> KNOWN_SCHEMES = Set.of("qemu", "qemu+ssh", "qemu+libssh", "qemu+libssh2",
            "qemu+tls", "qemu+tcp", "qemu+unix", "qemu+ext", "test");
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("defaults", "hosts");
    private static final Set<String> HOST_KEYS = Set.of("name", "uri", "labels", "shared_mounts", "mounts", "kernel");
    private static final Set<String> SETTINGS_KEYS = Set.of("labels", "shared_mounts", "mounts", "kernel");

    /** Whether every host needs a {@code uri}; a dump directory's fleet.yaml only adds labels and mounts. */
    private final boolean uriRequired;

    private FleetFileReader(boolean uriRequired) {
        this.uriRequired = uriRequired;
    }

    /** For a fleet file of live hosts. */
    public static FleetFileReader forLiveFleet() {
        return new FleetFileReader(true);
    }

    /** For the optional fleet.yaml of a dump directory, whose hosts are found by their directories. */
    public static FleetFileReader forDumpDirectory() {
        return new FleetFileReader(false);
    }

    public Fleet read(Path file) {
        MappingNode root = parse(file);
        List<String> problems = new ArrayList<>();
        Entries top = new Entries(file, root, TOP_LEVEL_KEYS, problems);
        HostSettings defaults = top.mapping("defaults").map(node -> readDefaults(file, node, problems))
                .orElse(HostSettings.NONE);
        List<HostSource> hosts = new ArrayList<>();
        Map<String, Integer> lineByName = new HashMap<>();
        for (Node entry : top.sequence("hosts")) {
            readHost(file, entry, defaults, problems).ifPresent(host -> {
                Integer firstLine = lineByName.putIfAbsent(host.name(), line(entry));
                if (firstLine == null) {
                    hosts.add(host);
                } else {
                    problems.add("%s:%d: host '%s' is declared twice (first at line %d); the second is ignored"
                            .formatted(file, line(entry), host.name(), firstLine));
                }
            });
        }
        if (uriRequired && hosts.isEmpty() && problems.isEmpty()) {
            problems.add(file + ": no hosts declared under 'hosts:'");
        }
        return new Fleet(file.toString(), hosts, problems);
    }

    private static MappingNode parse(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (root instanceof MappingNode mapping) {
                return mapping;
            }
            throw new FleetDefinitionException(file + ": expected a mapping with 'hosts:' at the top"
                    + (root == null ? " but the file is empty" : " (line " + line(root) + ")"));
        } catch (YAMLException e) {
            throw new FleetDefinitionException(file + ": not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FleetDefinitionException("cannot read fleet file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a file that holds only host settings (a dump's {@code host.yaml}); any problem rejects it, since the
     * settings decide which disks count as shared.
     */
    public static HostSettings readSettings(Path file) {
        return readDefaults(file, parse(file), new ArrayList<>());
    }

    private static HostSettings readDefaults(Path file, MappingNode node, List<String> problems) {
        int before = problems.size();
        HostSettings settings = new Entries(file, node, SETTINGS_KEYS, problems).settings();
        if (problems.size() > before) {
            throw new FleetDefinitionException("invalid host settings, so no host they apply to can be trusted: "
                    + String.join("; ", problems.subList(before, problems.size())));
        }
        return settings;
    }

    private Optional<HostSource> readHost(Path file, Node node, HostSettings defaults, List<String> problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add("%s:%d: a host must be a mapping with name and uri".formatted(file, line(node)));
            return Optional.empty();
        }
        int problemsBefore = problems.size();
        Entries entries = new Entries(file, mapping, HOST_KEYS, problems);
        Optional<String> name = entries.scalar("name");
        if (name.isEmpty()) {
            problems.add("%s:%d: host has no name".formatted(file, line(node)));
            return Optional.empty();
        }
        String where = "%s:%d".formatted(file, line(node));
        Optional<String> uri = entries.scalar("uri");
        if (uriRequired && uri.isEmpty()) {
            problems.add("%s: host '%s' has no uri".formatted(where, name.get()));
        }
        uri.ifPresent(value -> checkScheme(where, name.get(), value, problems));
        HostSettings settings = defaults.with(entries.settings());
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(settings.toSource(name.get(), uri.orElse(""), where));
    }

    private static void checkScheme(String where, String host, String uri, List<String> problems) {
        var matcher = URI_SCHEME.matcher(uri);
        if (!matcher.find() || !KNOWN_SCHEMES.contains(matcher.group(1))) {
            problems.add("%s: host '%s' has URI '%s' with an unknown scheme (expected one of %s)"
                    .formatted(where, host, uri, KNOWN_SCHEMES.stream().sorted().toList()));
        }
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The keys of one YAML mapping, with typed getters that report problems by line. */
    private static final class Entries {
        private final Path file;
        private final Map<String, Node> byKey = new LinkedHashMap<>();
        private final List<String> problems;

        Entries(Path file, MappingNode mapping, Set<String> allowedKeys, List<String> problems) {
            this.file = file;
            this.problems = problems;
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                if (!allowedKeys.contains(key)) {
                    problem(tuple.getKeyNode(), "unknown key '%s' (expected one of %s)"
                            .formatted(key, allowedKeys.stream().sorted().toList()));
                } else {
                    byKey.put(key, tuple.getValueNode());
                }
            }
        }

        private void problem(Node node, String message) {
            problems.add("%s:%d: %s".formatted(file, line(node), message));
        }

        Optional<String> scalar(String key) {
            Node node = byKey.get(key);
            if (node == null) {
                return Optional.empty();
            }
            if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                return Optional.of(scalar.getValue().trim());
            }
            problem(node, "'" + key + "' must be a non-empty text");
            return Optional.empty();
        }

        Optional<MappingNode> mapping(String key) {
            Node node = byKey.get(key);
            if (node == null || node instanceof MappingNode) {
                return Optional.ofNullable((MappingNode) node);
            }
            problem(node, "'" + key + "' must be a mapping");
            return Optional.empty();
        }

        List<Node> sequence(String key) {
            Node node = byKey.get(key);
            if (node == null) {
                return List.of();
            }
            if (node instanceof SequenceNode sequence) {
                return sequence.getValue();
            }
            problem(node, "'" + key + "' must be a list");
            return List.of();
        }

        HostSettings settings() {
            return new HostSettings(labels(), absolutePaths("shared_mounts"), mounts(), version("kernel"));
        }

        Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            mapping("labels").ifPresent(node -> node.getValue().forEach(tuple -> {
                if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof ScalarNode value) {
                    labels.put(key.getValue(), value.getValue());
                } else {
                    problem(tuple.getKeyNode(), "labels must map names to plain values");
                }
            }));
            return labels;
        }

        List<String> absolutePaths(String key) {
            List<String> paths = new ArrayList<>();
            for (Node node : sequence(key)) {
                if (node instanceof ScalarNode scalar && scalar.getValue().startsWith("/")) {
                    paths.add(stripTrailingSlash(scalar.getValue()));
                } else {
                    problem(node, "'" + key + "' entries must be absolute paths");
                }
            }
            return paths;
        }

        List<MountPoint> mounts() {
            List<MountPoint> mounts = new ArrayList<>();
            for (Node node : sequence("mounts")) {
                if (!(node instanceof MappingNode mapping)) {
                    problem(node, "a mount must be a mapping with path and type");
                    continue;
                }
                Entries mount = new Entries(file, mapping, Set.of("path", "type"), problems);
                Optional<String> path = mount.scalar("path");
                Optional<String> type = mount.scalar("type");
                if (path.isPresent() && type.isPresent() && path.get().startsWith("/")) {
                    mounts.add(new MountPoint(stripTrailingSlash(path.get()), type.get()));
                } else {
                    problem(node, "a mount needs an absolute 'path' and a filesystem 'type'");
                }
            }
            return mounts;
        }

        Optional<Version> version(String key) {
            return scalar(key).flatMap(text -> {
                try {
                    return Optional.of(Version.parse(text));
                } catch (IllegalArgumentException e) {
                    problem(byKey.get(key), "'" + key + "' is not a version: '" + text + "'");
                    return Optional.empty();
                }
            });
        }

        private static String stripTrailingSlash(String path) {
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }
}
