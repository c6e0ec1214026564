package io.drover.libvirt.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.drover.model.CpuMode;
import io.drover.model.CpuModel;
import io.drover.model.DomainCapabilities;
import io.drover.model.GuestCpu;

/**
 * Reads {@code virsh domcapabilities} into {@link DomainCapabilities}.
 *
 * <ul>
 *   <li>Host-model: present only when its mode is {@code supported='yes'}; read like a guest {@code <cpu>}, with mode
 *       {@link CpuMode#HOST_MODEL}.</li>
 *   <li>Named models: {@code usable='yes'} is usable; {@code no} and {@code unknown} are not (Drover will not plan a
 *       guest onto a model QEMU could not confirm). {@code vendor='unknown'} reads as no vendor. A custom mode that is
 *       not supported offers no models.</li>
 *   <li>Blockers (libvirt 9.x+): {@code <blockers model='X'>} attaches its feature names to model X. Blockers naming a
 *       model that is not listed are ignored.</li>
 *   <li>{@code <machine>} is {@code ""} when absent (some non-QEMU drivers omit it).</li>
 * </ul>
 */
public final class DomainCapabilitiesParser {

    static final String KIND = "domain capabilities XML";

    private DomainCapabilitiesParser() {
    }

    /** @throws LibvirtXmlException when the XML is malformed or lacks {@code <path>}, {@code <domain>} or {@code <arch>} */
    public static DomainCapabilities parse(String xml) {
        XmlElement caps = XmlDocument.parse(xml, KIND, "domainCapabilities").root();
        String emulator = caps.requiredChildText("path");
        String domainType = caps.requiredChildText("domain");
        String machine = caps.childText("machine").orElse("");
        String arch = caps.requiredChildText("arch");
        Optional<Integer> maxVcpus = caps.child("vcpu").flatMap(v -> v.intAttribute("max"));

        boolean hostPassthrough = false;
        Optional<GuestCpu> hostModel = Optional.empty();
        List<CpuModel> models = List.of();
        Optional<XmlElement> cpu = caps.child("cpu");
        if (cpu.isPresent()) {
            for (XmlElement mode : cpu.get().children("mode")) {
                boolean supported = mode.hasAttribute("supported", "yes");
                switch (mode.attribute("name").orElse("")) {
                    case "host-passthrough" -> hostPassthrough = supported;
                    case "host-model" -> hostModel = supported
                            ? Optional.of(GuestCpuReader.read(mode, CpuMode.HOST_MODEL))
                            : Optional.empty();
                    case "custom" -> models = supported ? customModels(mode) : List.of();
                    default -> {
                        // maximum, and modes of later libvirt versions: not used by Drover
                    }
                }
            }
        }
        return new DomainCapabilities(emulator, domainType, machine, arch, maxVcpus, hostPassthrough, hostModel,
                models);
    }

    private static List<CpuModel> customModels(XmlElement custom) {
        Map<String, XmlElement> modelElements = new LinkedHashMap<>();
        for (XmlElement model : custom.children("model")) {
            String name = model.text();
            if (name.isEmpty()) {
                throw model.error("<model> is empty");
            }
            modelElements.putIfAbsent(name, model);
        }
        Map<String, List<String>> blockers = new LinkedHashMap<>();
        for (XmlElement blocker : custom.children("blockers")) {
            List<String> features = new ArrayList<>();
            for (XmlElement feature : blocker.children("feature")) {
                features.add(feature.requiredAttribute("name"));
            }
            blockers.merge(blocker.requiredAttribute("model"), features, (a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        List<CpuModel> models = new ArrayList<>();
        modelElements.forEach((name, model) -> models.add(new CpuModel(name, model.hasAttribute("usable", "yes"),
                model.attribute("vendor").filter(v -> !v.equals("unknown")),
                blockers.getOrDefault(name, List.of()))));
        return models;
    }
}
