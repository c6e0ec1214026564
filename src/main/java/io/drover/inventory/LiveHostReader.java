package io.drover.inventory;

import io.drover.libvirt.HypervisorConnection;
import io.drover.libvirt.LibvirtErrorKind;
import io.drover.libvirt.LibvirtFailure;
import io.drover.libvirt.LibvirtConnector;
import io.drover.libvirt.xml.CapabilitiesParser;
import io.drover.model.HostVersions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a host from its libvirtd through the libvirt adapter. */
public final class LiveHostReader implements HostReader {

    private final LibvirtConnector connector;

    public LiveHostReader(LibvirtConnector connector) {
        this.connector = connector;
    }

    @Override
    public RawHost read(HostSource source) {
        try (HypervisorConnection connection = connector.open(source.uri())) {
            HostVersions versions = new HostVersions(connection.libvirtVersion(), connection.hypervisorVersion(),
                    Optional.empty());
            List<RawDomain> domains = connection.domains().stream()
                    .map(domain -> new RawDomain(source.name() + " domain " + domain.name(),
                            Optional.of(domain.state()), domain.xml()))
                    .toList();
            String capabilitiesXml = connection.capabilitiesXml();
            List<String> domainCapabilities = CapabilitiesParser.parse(capabilitiesXml).domainTypes().stream()
                    .map(connection::domainCapabilitiesXml)
                    .flatMap(Optional::stream)
                    .toList();
            return new RawHost(connection.hostname(), versions, capabilitiesXml, domainCapabilities,
                    connection.sysinfoXml(), Optional.of(connection.capacity()), domains, domainStats(connection));
        }
    }

    /**
     * Disk sizes and memory in use are for estimates only: a driver without domain statistics leaves them unknown.
     */
    private static Map<String, Map<String, String>> domainStats(HypervisorConnection connection) {
        try {
            return connection.domainStats();
        } catch (LibvirtFailure failure) {
            if (failure.kind() == LibvirtErrorKind.UNSUPPORTED) {
                return Map.of();
            }
            throw failure;
        }
    }
}
