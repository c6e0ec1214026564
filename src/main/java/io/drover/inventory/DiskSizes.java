package io.drover.inventory;

import io.drover.model.ByteSize;
import io.drover.model.DiskSize;
import java.util.HashMap;
import java.util.Map;

/** A domain's disk sizes by target, from its block statistics ({@code block.N.name}, {@code .capacity}, …). */
final class DiskSizes {

    private DiskSizes() {
    }

    /**
     * Disks reported without both numbers are left out (libvirt omits them for an empty cdrom, or for a volume it
     * cannot open); a number that is not one fails, naming the statistic.
     */
    static Map<String, DiskSize> from(Map<String, String> blockStats, String origin) {
        Map<String, DiskSize> byTarget = new HashMap<>();
        int count = (int) number(blockStats, "block.count", origin, 0);
        for (int i = 0; i < count; i++) {
            String prefix = "block." + i + ".";
            String target = blockStats.get(prefix + "name");
            long capacity = number(blockStats, prefix + "capacity", origin, -1);
            long allocation = number(blockStats, prefix + "allocation", origin, -1);
            if (target != null && capacity >= 0 && allocation >= 0) {
                byTarget.put(target, new DiskSize(new ByteSize(capacity), new ByteSize(allocation)));
            }
        }
        return byTarget;
    }

    private static long number(Map<String, String> stats, String name, String origin, long absent) {
        String value = stats.get(name);
        if (value == null) {
            return absent;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InventoryException(origin + ": " + name + " is not a number: " + value);
        }
    }
}
