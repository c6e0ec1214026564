package io.drover.inventory;

import io.drover.model.Disk;
import io.drover.model.DiskSharing;
import io.drover.model.DiskSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a disk's data is shared between hosts (live migration moves only memory) or local (it needs a
 * block copy). Network disks are shared; files and block devices are shared when they lie under a directory the
 * operator declared shared, or on a filesystem type libvirt itself treats as shared storage.
 */
public final class DiskClassifier {

    /** The filesystem types libvirt's virFileIsSharedFS accepts, as /proc/mounts spells them. */
    static final Set<String> SHARED_FILESYSTEMS = Set.of("nfs", "nfs4", "gfs2", "ocfs2", "afs", "smb3", "cifs",
            "fuse.glusterfs", "glusterfs", "ceph", "gpfs", "fuse.quobyte", "vxfs", "beegfs");

    private final List<String> sharedMounts;
    private final List<MountPoint> mountsLongestFirst;

    public DiskClassifier(HostSource source) {
        this.sharedMounts = source.sharedMounts();
        this.mountsLongestFirst = source.mounts().stream()
                .sorted(Comparator.comparingInt((MountPoint mount) -> mount.path().length()).reversed())
                .toList();
    }

    public Disk classify(Disk disk) {
        return disk.withSharing(sharingOf(disk.source()));
    }

    private DiskSharing sharingOf(DiskSource source) {
        // Nothing to copy for an empty CD-ROM drive; network storage is reached from every host.
        if (source instanceof DiskSource.Network || source instanceof DiskSource.Empty) {
            return DiskSharing.SHARED;
        }
        // A pool volume's or an unknown source's backend is not visible from the domain: local until proven shared.
        return source.localPath().map(this::sharingOfPath).orElse(DiskSharing.LOCAL);
    }

    private DiskSharing sharingOfPath(String path) {
        boolean declaredShared = sharedMounts.stream().anyMatch(mount -> isUnder(path, mount));
        boolean onSharedFilesystem = mountOf(path).map(mount -> SHARED_FILESYSTEMS.contains(mount.type()))
                .orElse(false);
        return declaredShared || onSharedFilesystem ? DiskSharing.SHARED : DiskSharing.LOCAL;
    }

    private Optional<MountPoint> mountOf(String path) {
        return mountsLongestFirst.stream().filter(mount -> isUnder(path, mount.path())).findFirst();
    }

    static boolean isUnder(String path, String directory) {
        return directory.equals("/") || path.equals(directory) || path.startsWith(directory + "/");
    }
}
