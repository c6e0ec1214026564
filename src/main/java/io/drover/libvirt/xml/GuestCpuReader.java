package io.drover.libvirt.xml;

import java.util.ArrayList;
import java.util.List;

import io.drover.model.CpuFeature;
import io.drover.model.CpuMode;
import io.drover.model.FeaturePolicy;
import io.drover.model.GuestCpu;

/**
 * Reads the shape shared by a domain's {@code <cpu>} and the host-model {@code <mode>} of domain capabilities:
 * {@code <model>}, {@code <vendor>} and {@code <feature policy name>} children. The model's {@code fallback}
 * attribute is ignored.
 */
final class GuestCpuReader {

    private GuestCpuReader() {
    }

    static GuestCpu read(XmlElement cpu, CpuMode mode) {
        return new GuestCpu(mode, cpu.childText("model"), cpu.childText("vendor"), cpu.attribute("match"),
                cpu.attribute("check"), features(cpu));
    }

    static List<CpuFeature> features(XmlElement cpu) {
        List<CpuFeature> features = new ArrayList<>();
        for (XmlElement feature : cpu.children("feature")) {
            String name = feature.requiredAttribute("name");
            FeaturePolicy policy;
            try {
                policy = FeaturePolicy.fromLibvirt(feature.attribute("policy").orElse(null));
            } catch (IllegalArgumentException e) {
                throw feature.error(e.getMessage() + " for feature '" + name + "'");
            }
            features.add(new CpuFeature(name, policy));
        }
        return features;
    }
}
