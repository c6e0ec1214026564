package io.drover.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where a disk's data lives, one variant per libvirt disk {@code type}. */
public sealed interface DiskSource {

    /** The local path of a file or block device, if this source has one. */
    default Optional<String> localPath() {
        return Optional.empty();
    }

    /** {@code type='file'}: an image file on a host filesystem. */
    record File(String path) implements DiskSource {

        /** The directory of an image path: where libvirt looks for the storage pool that manages the file. */
        public static String directoryOf(String path) {
            Path parent = Path.of(path).getParent();
            return parent == null ? "/" : parent.toString();
        }

        public String directory() {
            return directoryOf(path);
        }

        @Override
        public Optional<String> localPath() {
            return Optional.of(path);
        }
    }

    /** {@code type='block'}: a block device node on the host. */
    record Block(String device) implements DiskSource {
        @Override
        public Optional<String> localPath() {
            return Optional.of(device);
        }
    }

    /** {@code type='network'}: rbd, iscsi, nbd, gluster, http… reached over the network from every host. */
    record Network(String protocol, String name, List<NetworkHost> hosts) implements DiskSource {
        public Network {
            hosts = List.copyOf(hosts);
        }
    }

    /** {@code type='volume'}: a volume of a libvirt storage pool. */
    record Volume(String pool, String volume) implements DiskSource {
    }

    /** A disk without a source, such as an empty CD-ROM drive. */
    record Empty() implements DiskSource {
    }

    /** Any other disk {@code type} (nvme, vhostuser, dir…), kept by name. */
    record Other(String libvirtType) implements DiskSource {
    }

    /** One {@code <host name=... port=.../>} of a network disk. */
    record NetworkHost(String name, Optional<Integer> port) {
    }
}
