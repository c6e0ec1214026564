package io.drover.inventory;

/** Reads one host's raw facts: from a live libvirtd, or from a directory of {@code virsh} dumps. */
public interface HostReader {

    /** @throws RuntimeException naming the host, URI or file when the host cannot be read completely */
    RawHost read(HostSource source);
}
