package io.drover.compat;

import io.drover.model.CacheMode;
import io.drover.model.Disk;
import io.drover.model.DiskSharing;
import io.drover.model.DiskSource;
import io.drover.model.Guest;

/**
 * {@code disk-cache}: a disk that stays in place while the guest moves (shared storage) must bypass the host page
 * cache ({@code cache='none'} or {@code directsync}), else data the source cached is lost or stale after the
 * switch-over (libvirt: "Migration may lead to data corruption if disks use cache other than none or
 * directsync"). An absent cache attribute is QEMU's writeback and counts as unsafe.
 *
 * <p>Follows libvirt's own check ({@code qemuMigrationSrcIsSafe}): network disks (RBD and other protocols, which
 * have no host page cache), read-only and empty disks, {@code shareable} disks, and local disks that the migration
 * block-copies are exempt. Also reports risks: {@code error_policy='ignore'} (write errors vanish silently) and
 * {@code cache='unsafe'} (flushes ignored).
 */
public final class DiskCacheRule extends FleetRule {

    public static final String ID = "disk-cache";
    public static final String ERROR_POLICY_RISK = "disk-error-policy";

    private final boolean[] safe;

    public DiskCacheRule(FleetIndex fleet) {
        super(ID, fleet);
        safe = new boolean[fleet.guestCount()];
        for (int g = 0; g < safe.length; g++) {
            safe[g] = fleet.guest(g).disks().stream().noneMatch(DiskCacheRule::unsafe);
        }
    }

    /** Whether the disk stays in place during the migration and keeps dirty data in the host page cache. */
    static boolean unsafe(Disk disk) {
        if (disk.readOnly() || disk.shareable() || disk.source() instanceof DiskSource.Empty
                || disk.source() instanceof DiskSource.Network) {
            return false;
        }
        if (disk.sharing() != DiskSharing.SHARED) {
            return false;
        }
        return !disk.driver().cache().bypassesHostCache();
    }

    @Override
    public boolean allows(int guest, int destination) {
        return safe[guest];
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        Guest g = fleet.guest(guest);
        for (Disk disk : g.disks()) {
            if (unsafe(disk)) {
                CacheMode cache = disk.driver().cache();
                findings.violation(ID, disk.target() + " is on shared storage with cache='"
                        + (cache == CacheMode.DEFAULT ? "default' (writeback)" : cache.libvirtName() + "'")
                        + ": the source's page cache would hold writes the destination cannot see",
                        "set cache='none' on " + disk.target() + " (or directsync) and restart the guest");
            }
            if (disk.driver().errorPolicy().filter("ignore"::equals).isPresent()) {
                findings.risk(ERROR_POLICY_RISK, disk.target() + " has error_policy='ignore': write errors during "
                        + "the move are dropped silently");
            }
            if (disk.driver().cache() == CacheMode.UNSAFE && !disk.readOnly()) {
                findings.risk(ID, disk.target() + " uses cache='unsafe': guest flushes are ignored");
            }
        }
    }
}
