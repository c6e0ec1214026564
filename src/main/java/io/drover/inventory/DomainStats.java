package io.drover.inventory;

import io.drover.model.ByteSize;
import io.drover.model.DiskSize;
import io.drover.model.MemoryUse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What inventory reads from one domain's statistics, named as {@code virsh domstats --block --balloon} names them:
 * its disk sizes ({@code block.N.name}, {@code .capacity}, …) and how much of its memory holds anything
 * ({@code balloon.*}).
 * A number that is not one fails, naming the statistic.
 */
final class DomainStats {

    private final Map<String, String> stats;
    private final String origin;

    DomainStats(Map<String, String> stats, String origin) {
        this.stats = stats;
        this.origin = origin;
    }

    /**
     * The domain's disk sizes by target. Disks reported without both numbers are left out (libvirt omits them for
     * an empty cdrom, or for a volume it cannot open).
     */
    Map<String, DiskSize> diskSizes() {
        Map<String, DiskSize> byTarget = new HashMap<>();
        int count = (int) number("block.count", 0);
        for (int i = 0; i < count; i++) {
            String prefix = "block." + i + ".";
            String target = stats.get(prefix + "name");
            long capacity = number(prefix + "capacity", -1);
            long allocation = number(prefix + "allocation", -1);
            if (target != null && capacity >= 0 && allocation >= 0) {
                byTarget.put(target, new DiskSize(new ByteSize(capacity), new ByteSize(allocation)));
            }
        }
        return byTarget;
    }

    /** What the balloon statistics say of the guest's memory: see {@link MemoryUse}. */
    MemoryUse memoryUse() {
        return new MemoryUse(memoryInUse(), kib("balloon.rss"));
    }

    /**
     * The balloon's current size less what the guest calls unused. Unknown when the guest reports more unused than the
     * balloon now holds: the balloon was shrunk since the guest's last report, and the figure is stale until the next.
     */
    private Optional<ByteSize> memoryInUse() {
        long current = number("balloon.current", -1);
        long unused = number("balloon.unused", -1);
        if (current < 0 || unused < 0 || unused > current) {
            return Optional.empty();
        }
        return Optional.of(ByteSize.ofKiB(current - unused));
    }

    private Optional<ByteSize> kib(String name) {
        long value = number(name, -1);
        return value < 0 ? Optional.empty() : Optional.of(ByteSize.ofKiB(value));
    }

    private long number(String name, long absent) {
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
