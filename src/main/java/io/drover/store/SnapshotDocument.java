package io.drover.store;

import io.drover.model.FleetSnapshot;
import java.util.List;
import java.util.UUID;

/**
 * A snapshot as exported for other tools and for offline plan checking: its facts plus libvirt's XML of every guest.
 * The format is documented in docs/snapshot-json.md; {@link #FORMAT} changes with any incompatible change.
 */
public record SnapshotDocument(String format, FleetSnapshot snapshot, List<DomainXml> domainXml) {

    public static final String FORMAT = "drover-snapshot/1";

    public SnapshotDocument {
        domainXml = List.copyOf(domainXml);
    }

    /** libvirt's own XML of one guest on one host. */
    public record DomainXml(String host, UUID uuid, String xml) {
    }
}
