package io.drover.inventory;

import io.drover.model.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host to inventory, as an operator declared it in a fleet file or a dump directory.
 *
 * @param uri          a libvirt URI, or {@code dump:<directory>} for a host read from {@code virsh} dumps
 * @param sharedMounts directories whose content every host sees (disks under them are shared)
 * @param mounts       mounted filesystems with their types, where known (disks on NFS, GlusterFS… are shared)
 * @param kernel       the host kernel version, which libvirt does not report
 * @param origin       where the host was declared ({@code fleet.yaml:12}), for error messages
 */
public record HostSource(String name, String uri, Map<String, String> labels, List<String> sharedMounts,
        List<MountPoint> mounts, Optional<Version> kernel, String origin) {

    public static final String DUMP_SCHEME = "dump:";

    public HostSource {
        labels = Map.copyOf(labels);
        sharedMounts = List.copyOf(sharedMounts);
        mounts = List.copyOf(mounts);
    }

    public boolean isDump() {
        return uri.startsWith(DUMP_SCHEME);
    }
}
