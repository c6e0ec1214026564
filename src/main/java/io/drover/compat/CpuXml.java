package io.drover.compat;

import io.drover.model.HostCpu;
import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** libvirt {@code <cpu>} XML to and from the model, for CPU baselines (JDK XML only). */
public final class CpuXml {

    private CpuXml() {
    }

    /** A host CPU as libvirt's baseline API takes it: arch, model, vendor and features. */
    public static String hostCpu(HostCpu cpu) {
        StringBuilder xml = new StringBuilder("<cpu>\n  <arch>").append(escape(cpu.arch())).append("</arch>\n");
        cpu.model().ifPresent(model -> xml.append("  <model>").append(escape(model)).append("</model>\n"));
        cpu.vendor().ifPresent(vendor -> xml.append("  <vendor>").append(escape(vendor)).append("</vendor>\n"));
        for (String feature : cpu.features()) {
            xml.append("  <feature name='").append(escape(feature)).append("'/>\n");
        }
        return xml.append("</cpu>").toString();
    }

    /** The features a {@code <cpu>} definition stands for: its model's expansion plus required, minus disabled. */
    public static Set<String> features(String cpuXml, String arch, CpuMap map) {
        Element cpu = parse(cpuXml);
        Set<String> features = new TreeSet<>();
        NodeList models = cpu.getElementsByTagName("model");
        if (models.getLength() > 0) {
            features.addAll(map.expand(arch, models.item(0).getTextContent().trim()));
        }
        NodeList list = cpu.getElementsByTagName("feature");
        for (int i = 0; i < list.getLength(); i++) {
            Element feature = (Element) list.item(i);
            String name = map.canonicalFeature(arch, feature.getAttribute("name"));
            String policy = feature.getAttribute("policy");
            if (policy.equals("disable") || policy.equals("forbid")) {
                features.remove(name);
            } else if (!policy.equals("optional")) {
                features.add(name);
            }
        }
        return features;
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a libvirt <cpu> definition: " + e.getMessage(), e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
    }
}
