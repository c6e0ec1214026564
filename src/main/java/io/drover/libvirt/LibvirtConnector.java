package io.drover.libvirt;

/** Opens connections to hosts by libvirt URI ({@code qemu+tcp://…}, {@code qemu+ssh://…}, {@code test:///…}). */
public interface LibvirtConnector {

    HypervisorConnection open(String uri);
}
