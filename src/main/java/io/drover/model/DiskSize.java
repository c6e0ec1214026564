package io.drover.model;

/**
 * How big a disk's image is, as libvirt reports it ({@code virsh domstats --block}): what the guest sees and what the
 * image holds. A block copy moves about {@code allocation} of the top image; a copy that flattens a backing chain
 * may move up to {@code capacity}.
 *
 * @param capacity   the guest-visible size
 * @param allocation the bytes the top image holds on its host
 */
public record DiskSize(ByteSize capacity, ByteSize allocation) {
}
