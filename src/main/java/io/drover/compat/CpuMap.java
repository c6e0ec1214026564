package io.drover.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * libvirt's CPU map as installed ({@code /usr/share/libvirt/cpu_map}): which features each named CPU model stands
 * for. {@code index.xml} lists the files per architecture; a model lists its features and may include another
 * model ({@code <model name='...'/>}) whose features it inherits; {@code x86_features.xml} names every feature and
 * its aliases ({@code sse4_2} → {@code sse4.2}).
 *
 * <p>Model and feature names are kept per libvirt architecture family ({@code x86}, {@code arm}, {@code ppc64});
 * {@link #expand} answers for the family of a host or guest arch ({@code x86_64} and {@code i686} → {@code x86}).
 * Immutable and thread-safe once loaded.
 */
public final class CpuMap {

    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/libvirt/cpu_map");

    private final Path directory;
    private final Map<String, Family> families;
    private final Map<String, Set<String>> expansions = new ConcurrentHashMap<>();

    private CpuMap(Path directory, Map<String, Family> families) {
        this.directory = directory;
        this.families = families;
    }

    /** Loads the map from {@link #DEFAULT_DIRECTORY}. */
    public static CpuMap loadDefault() {
        return load(DEFAULT_DIRECTORY);
    }

    /** Loads the map from a directory holding libvirt's {@code index.xml}. */
    public static CpuMap load(Path directory) {
        Path index = directory.resolve("index.xml");
        if (!Files.isRegularFile(index)) {
            throw new CpuMapException("no libvirt CPU map at " + directory + " (missing " + index
                    + "): install libvirt's cpu_map (Debian: libvirt-daemon) or point --cpu-map at a copy");
        }
        DocumentBuilder builder = newBuilder();
        Map<String, Family> families = new LinkedHashMap<>();
        Element root = parse(builder, index).getDocumentElement();
        for (Element arch : children(root, "arch")) {
            Family family = new Family();
            for (Element include : children(arch, "include")) {
                Path file = directory.resolve(include.getAttribute("filename"));
                if (Files.isRegularFile(file)) {
                    family.read(parse(builder, file).getDocumentElement(), file);
                }
            }
            families.put(arch.getAttribute("name"), family);
        }
        return new CpuMap(directory, Map.copyOf(families));
    }

    public Path directory() {
        return directory;
    }

    /** libvirt's CPU map family of an architecture: {@code x86_64}/{@code i686} → {@code x86}, and so on. */
    public static String family(String arch) {
        if (arch == null) {
            return "";
        }
        if (arch.equals("x86_64") || arch.matches("i[3-6]86") || arch.equals("x86")) {
            return "x86";
        }
        if (arch.equals("aarch64") || arch.equals("arm") || arch.startsWith("armv")) {
            return "arm";
        }
        if (arch.startsWith("ppc64")) {
            return "ppc64";
        }
        return arch;
    }

    public boolean hasModel(String arch, String model) {
        return familyOf(arch).map(f -> f.models.containsKey(model)).orElse(false);
    }

    /** The vendor a model belongs to ({@code Intel}, {@code AMD}), if the map says. */
    public Optional<String> vendor(String arch, String model) {
        return familyOf(arch).map(f -> f.models.get(model)).flatMap(m -> Optional.ofNullable(m.vendor));
    }

    /** Every model of the arch's family, in file order. */
    public List<String> models(String arch) {
        return familyOf(arch).map(f -> List.copyOf(f.models.keySet())).orElse(List.of());
    }

    /** Every feature the map knows for the arch's family, by canonical name. */
    public Set<String> features(String arch) {
        return familyOf(arch).map(f -> Collections.unmodifiableSet(f.features)).orElse(Set.of());
    }

    /** libvirt's name for a feature, resolving aliases ({@code sse4_2} → {@code sse4.2}); unknown names unchanged. */
    public String canonicalFeature(String arch, String feature) {
        return familyOf(arch).map(f -> f.aliases.getOrDefault(feature, feature)).orElse(feature);
    }

    /**
     * Every feature a model stands for, included models resolved, sorted.
     *
     * @throws CpuMapException if the map does not know the model
     */
    public Set<String> expand(String arch, String model) {
        String family = family(arch);
        return expansions.computeIfAbsent(family + "/" + model, key -> {
            Family f = familyOf(arch).orElseThrow(() -> new CpuMapException(
                    "the CPU map at " + directory + " has no architecture " + family));
            Set<String> features = new TreeSet<>();
            f.expandInto(model, features, new LinkedHashSet<>(), directory);
            return Collections.unmodifiableSet(features);
        });
    }

    private Optional<Family> familyOf(String arch) {
        return Optional.ofNullable(families.get(family(arch)));
    }

    private static final class Family {
        final Map<String, ModelDef> models = new LinkedHashMap<>();
        final Set<String> features = new TreeSet<>();
        final Map<String, String> aliases = new HashMap<>();

        void read(Element root, Path file) {
            for (Element feature : children(root, "feature")) {
                String name = feature.getAttribute("name");
                features.add(name);
                for (Element alias : children(feature, "alias")) {
                    aliases.put(alias.getAttribute("name"), name);
                }
            }
            for (Element model : children(root, "model")) {
                ModelDef def = new ModelDef();
                for (Element child : children(model, null)) {
                    switch (child.getTagName()) {
                        case "vendor" -> def.vendor = child.getAttribute("name");
                        case "feature" -> def.features.add(child.getAttribute("name"));
                        case "model" -> def.includes.add(child.getAttribute("name"));
                        default -> {
                            // signature, decode: not needed to compare feature sets
                        }
                    }
                }
                models.put(model.getAttribute("name"), def);
            }
        }

        void expandInto(String model, Set<String> out, Set<String> visiting, Path directory) {
            ModelDef def = models.get(model);
            if (def == null) {
                throw new CpuMapException("CPU model '" + model + "' is not in the CPU map at " + directory);
            }
            if (!visiting.add(model)) {
                throw new CpuMapException("CPU model '" + model + "' includes itself in the CPU map at " + directory);
            }
            for (String included : def.includes) {
                expandInto(included, out, visiting, directory);
            }
            for (String feature : def.features) {
                out.add(aliases.getOrDefault(feature, feature));
            }
            visiting.remove(model);
        }
    }

    private static final class ModelDef {
        String vendor;
        final List<String> features = new ArrayList<>();
        final List<String> includes = new ArrayList<>();
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    private static Document parse(DocumentBuilder builder, Path file) {
        try {
            return builder.parse(file.toFile());
        } catch (SAXException | IOException e) {
            throw new CpuMapException("cannot read CPU map file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && (tag == null || element.getTagName().equals(tag))) {
                result.add(element);
            }
        }
        return result;
    }
}
