package io.drover.libvirt;

/** A registration for libvirt events; closing it stops delivery. */
public interface EventSubscription extends AutoCloseable {

    @Override
    void close();
}
