/**
 * Read-side parsers for libvirt's documents: domain XML, capabilities, domain capabilities, sysinfo and
 * {@code virsh version} output, each turned into {@code io.drover.model} records.
 *
 * <p>Plain JDK XML, no framework and no libvirt binding, so the same code reads live hosts and dump directories.
 * Each parser is a static {@code parse(String)}; every failure is a {@link io.drover.libvirt.xml.LibvirtXmlException}
 * naming the document kind and line. We only read: migration hands libvirt its own XML, never one rebuilt from these
 * records.
 */
package io.drover.libvirt.xml;
