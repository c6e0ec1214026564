/**
 * Drover's domain model: what a fleet looks like, free of any framework, libvirt binding or storage code.
 *
 * <p>Facts are immutable records. Optional children are {@link java.util.Optional}, repeated children are
 * {@link java.util.List}, and values libvirt may extend (cache modes, disk buses, protocols) keep libvirt's own
 * spelling so that nothing unknown is lost. Everything later (compatibility rules, planning, execution) reads these.
 */
package io.drover.model;
