package io.drover.compat;

import io.drover.model.BackingStore;
import io.drover.model.ByteSize;
import io.drover.model.Disk;
import io.drover.model.DiskSharing;
import io.drover.model.DiskSource;
import io.drover.model.Guest;
import io.drover.model.Host;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code storage}: decides how a guest's disks travel and what the destination must have.
 *
 * <ul>
 *   <li>Every writable disk shared (network, or a file/device inventory classified as shared) → {@code LIVE}.</li>
 *   <li>Any writable local disk (or one inventory left unclassified, treated as local) → block migration of the
 *       local disks only. A shared disk is never block-copied: libvirt's {@code --copy-storage-*} would copy every
 *       disk IT does not consider shared (it ignores Drover's shared-mount declarations), so the verdict lists the
 *       disks to copy and the executor must pass exactly those as {@code --migrate-disks}.</li>
 *   <li>{@code LIVE_BLOCK_INC} only when every copied disk is a qcow2 overlay whose whole backing chain lies under
 *       a directory the DESTINATION declares shared (its {@code sharedMounts}), i.e. is present at the same path
 *       there; otherwise {@code LIVE_BLOCK_ALL}, which flattens correctly. (libvirt does not check the backing file
 *       on the destination: an incremental copy without it "succeeds" and loses the base data.)</li>
 *   <li>A local read-only image (CD-ROM ISO) is never copied: it must exist at the same path on the destination.
 *       Decided when the path is under a destination shared mount, else an {@link UnknownCheck}.</li>
 *   <li>Copied disks need room on the destination and a storage pool or pre-created file there: the snapshot has
 *       neither sizes nor free space, so that is an {@link UnknownCheck} unless {@link StorageFacts} knows.</li>
 *   <li>A {@code shareable} disk that is local cannot be copied without corrupting its other writers: blocked.</li>
 * </ul>
 */
public final class StorageRule extends FleetRule {

    public static final String ID = "storage";

    private final boolean[] shareableLocal;
    private final String[][] copied;
    private final String[][][] backingPaths;
    private final String[][] hostSharedMounts;
    private final boolean spaceKnown;

    public StorageRule(FleetIndex fleet) {
        super(ID, fleet);
        int guests = fleet.guestCount();
        shareableLocal = new boolean[guests];
        copied = new String[guests][];
        backingPaths = new String[guests][][];
        for (int g = 0; g < guests; g++) {
            List<String> targets = new ArrayList<>();
            List<String[]> backings = new ArrayList<>();
            for (Disk disk : fleet.guest(g).disks()) {
                if (isLocalWritable(disk)) {
                    if (disk.shareable()) {
                        shareableLocal[g] = true;
                    } else {
                        targets.add(disk.target());
                        backings.add(overlayBacking(disk).orElse(null));
                    }
                }
            }
            copied[g] = targets.toArray(String[]::new);
            backingPaths[g] = backings.toArray(String[][]::new);
        }
        hostSharedMounts = new String[fleet.hostCount()][];
        for (int h = 0; h < fleet.hostCount(); h++) {
            hostSharedMounts[h] = fleet.hasFacts(h)
                    ? fleet.host(h).sharedMounts().toArray(String[]::new) : new String[0];
        }
        spaceKnown = fleet.storageFacts() != StorageFacts.UNKNOWN;
    }

    private static boolean isLocalWritable(Disk disk) {
        return !disk.readOnly() && !(disk.source() instanceof DiskSource.Empty)
                && !(disk.source() instanceof DiskSource.Network) && disk.sharing() != DiskSharing.SHARED;
    }

    /** The backing chain's paths of a qcow2 overlay whose every layer has a path, or empty. */
    private static Optional<String[]> overlayBacking(Disk disk) {
        if (!disk.driver().format().filter("qcow2"::equals).isPresent() || disk.backingChain().isEmpty()) {
            return Optional.empty();
        }
        List<String> paths = new ArrayList<>();
        for (BackingStore layer : disk.backingChain()) {
            Optional<String> path = layer.source().localPath();
            if (path.isEmpty()) {
                return Optional.empty();
            }
            paths.add(path.get());
        }
        return Optional.of(paths.toArray(String[]::new));
    }

    @Override
    public boolean allows(int guest, int destination) {
        if (shareableLocal[guest]) {
            return false;
        }
        return !spaceKnown || !fleet.hasFacts(destination) || spaceShortfalls(guest, destination).isEmpty();
    }

    /** How the guest would move to the destination (meaningful when the pair is allowed). Allocation-free. */
    public MigrationMode mode(int guest, int destination) {
        String[] targets = copied[guest];
        if (targets.length == 0) {
            return MigrationMode.LIVE;
        }
        String[] mounts = hostSharedMounts[destination];
        for (String[] chain : backingPaths[guest]) {
            if (chain == null) {
                return MigrationMode.LIVE_BLOCK_ALL;
            }
            for (String path : chain) {
                if (!underAny(path, mounts)) {
                    return MigrationMode.LIVE_BLOCK_ALL;
                }
            }
        }
        return MigrationMode.LIVE_BLOCK_INC;
    }

    /** The disk targets a block migration copies (empty for LIVE). */
    public List<String> copyDisks(int guest) {
        return List.of(copied[guest]);
    }

    private static boolean underAny(String path, String[] mounts) {
        for (String mount : mounts) {
            if (mount.equals("/") || path.equals(mount) || path.startsWith(mount)
                    && path.length() > mount.length() && path.charAt(mount.length()) == '/') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void explain(int guest, int destination, Findings findings) {
        Guest g = fleet.guest(guest);
        String name = fleet.hostName(destination);
        for (Disk disk : g.disks()) {
            if (isLocalWritable(disk) && disk.shareable()) {
                findings.violation(ID, disk.target() + " is a shareable disk on local storage: copying it would "
                        + "split it from its other writers", "put " + disk.target() + " on shared storage");
            }
            if (disk.sharing() == DiskSharing.UNCLASSIFIED && isLocalWritable(disk)) {
                findings.risk(ID, disk.target() + " was not classified by inventory: treated as local and copied");
            }
        }
        if (!fleet.hasFacts(destination)) {
            return;
        }
        String[] mounts = hostSharedMounts[destination];
        for (Disk disk : g.disks()) {
            if (disk.readOnly() && disk.sharing() != DiskSharing.SHARED) {
                disk.source().localPath().filter(path -> !underAny(path, mounts)).ifPresent(path ->
                        findings.unknown(ID, disk.target() + " (read-only " + disk.device() + ") uses the local image "
                                + path + ", which libvirt never copies: it must exist at the same path on " + name
                                + " (or eject it first)"));
            }
        }
        if (copied[guest].length == 0) {
            return;
        }
        MigrationMode mode = mode(guest, destination);
        boolean mixed = g.disks().stream().anyMatch(disk -> !disk.readOnly() && disk.sharing() == DiskSharing.SHARED
                && !(disk.source() instanceof DiskSource.Empty));
        if (mixed) {
            findings.risk(ID, "the guest mixes shared and local disks: only " + String.join(", ", copied[guest])
                    + " are copied; pass exactly those as --migrate-disks (libvirt's --copy-storage-* alone copies "
                    + "every disk it does not itself see as shared)");
        }
        if (mode == MigrationMode.LIVE_BLOCK_INC) {
            findings.risk(ID, "copy-storage-inc relies on the backing files being at the same path on " + name
                    + " (under its shared mounts " + String.join(", ", mounts) + "); libvirt does not check this"
                    + " and an incremental copy without them loses the base data silently");
        }
        for (Disk disk : g.disks()) {
            if (isLocalWritable(disk) && !disk.shareable()) {
                findings.unknown(ID, disk.target() + " (" + disk.source().localPath().orElse(describe(disk.source()))
                        + ") is copied: " + name + " needs a storage pool on its directory or a pre-created image"
                        + " of the same size (libvirt pre-creates copied disks only through a pool)");
            }
        }
        Map<String, Long> needed = neededPerDirectory(guest);
        List<String> shortfalls = spaceShortfalls(guest, destination);
        Host host = fleet.host(destination);
        if (!spaceKnown || needed.isEmpty()
                || needed.keySet().stream().anyMatch(dir -> fleet.storageFacts().freeSpace(host, dir).isEmpty())) {
            findings.unknown(ID, "free space on " + name + " for the copied disks: the snapshot has no disk sizes"
                    + " or free space yet");
        }
        for (String shortfall : shortfalls) {
            findings.violation(ID, shortfall, "free space on " + name + " or choose another destination");
        }
    }

    /** Bytes needed per destination directory, when every copied disk's size is known; else empty. */
    private Map<String, Long> neededPerDirectory(int guest) {
        Map<String, Long> needed = new LinkedHashMap<>();
        Guest g = fleet.guest(guest);
        for (Disk disk : g.disks()) {
            if (isLocalWritable(disk) && !disk.shareable()) {
                Optional<ByteSize> size = fleet.storageFacts().diskSize(g, disk);
                Optional<String> path = disk.source().localPath();
                if (size.isEmpty() || path.isEmpty()) {
                    return Map.of();
                }
                String directory = path.get().substring(0, Math.max(1, path.get().lastIndexOf('/')));
                needed.merge(directory, size.get().bytes(), Long::sum);
            }
        }
        return needed;
    }

    private List<String> spaceShortfalls(int guest, int destination) {
        if (!spaceKnown) {
            return List.of();
        }
        Host host = fleet.host(destination);
        List<String> shortfalls = new ArrayList<>();
        for (Map.Entry<String, Long> entry : neededPerDirectory(guest).entrySet()) {
            Optional<ByteSize> free = fleet.storageFacts().freeSpace(host, entry.getKey());
            if (free.isPresent() && free.get().bytes() < entry.getValue()) {
                shortfalls.add(host.name() + " has " + free.get() + " free under " + entry.getKey() + ", the copied"
                        + " disks need " + new ByteSize(entry.getValue()));
            }
        }
        return shortfalls;
    }

    private static String describe(DiskSource source) {
        if (source instanceof DiskSource.Volume volume) {
            return "volume " + volume.pool() + "/" + volume.volume();
        }
        return source.getClass().getSimpleName().toLowerCase();
    }
}
