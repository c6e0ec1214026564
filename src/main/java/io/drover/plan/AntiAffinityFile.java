package io.drover.plan;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads anti-affinity groups from YAML, one group a key, its guests' domain names the list:
 *
 * <pre>
 * db:  [db-1, db-2, db-3]
 * lb:  [lb-a, lb-b]
 * </pre>
 *
 * Anything else (a group that is not a list of names, fewer than two guests, a name twice) is refused with the file
 * named, as {@link IllegalArgumentException}.
 */
public final class AntiAffinityFile {

    private AntiAffinityFile() {
    }

    public static List<AntiAffinityGroup> read(Path file) {
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (document == null) {
            return List.of();
        }
        if (!(document instanceof Map<?, ?> groups)) {
            throw new IllegalArgumentException(file + ": expected a mapping of group name to guest names");
        }
        List<AntiAffinityGroup> result = new ArrayList<>();
        for (Map.Entry<?, ?> entry : groups.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!(entry.getValue() instanceof List<?> guests) || !guests.stream().allMatch(String.class::isInstance)) {
                throw new IllegalArgumentException(file + ": group '" + name + "' must be a list of guest names");
            }
            try {
                result.add(new AntiAffinityGroup(name, guests.stream().map(String.class::cast).toList()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return result;
    }
}
