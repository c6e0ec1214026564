package io.drover.compat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gives each distinct string a dense int, so that sets of names become bit sets. Not thread-safe while filling. */
final class Interner {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int intern(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        ids.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    /** The id of a known name, or -1. */
    int find(String name) {
        return ids.getOrDefault(name, -1);
    }

    String name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }

    /** Longs per bit set over every name interned so far. */
    int words() {
        return Math.max(1, (names.size() + 63) >>> 6);
    }
}
