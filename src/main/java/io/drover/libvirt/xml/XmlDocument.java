package io.drover.libvirt.xml;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A libvirt XML document parsed into a small tree of {@link XmlElement}s (name, line, attributes, children, text),
 * so that errors can say {@code domain XML line 12: <disk> has no <target dev>}.
 *
 * <p>Parsing is XXE-safe: a DOCTYPE is refused outright, so no DTD or external entity is ever read. libvirt never
 * emits a DOCTYPE. Names keep their prefix ({@code nova:instance}), so elements of hypervisor or application
 * namespaces never match the plain libvirt names the parsers ask for.
 *
 * <p>The parser is Aalto's StAX reader: an inventory parses thirty thousand domains, and XML parsing was most of its
 * CPU with the JDK's xerces (Aalto measured 1.5 times as fast on libvirt's documents). The factory is thread-safe;
 * a document is immutable once parsed.
 */
public final class XmlDocument {

    private static final XMLInputFactory FACTORY = newFactory();

    private final String kind;
    private XmlElement root;

    private XmlDocument(String kind) {
        this.kind = kind;
    }

    /**
     * Parses {@code xml}; {@code kind} names the document in error messages ({@code "domain XML"}).
     *
     * @throws LibvirtXmlException for empty or malformed XML, with the parser's line and column
     */
    public static XmlDocument parse(String xml, String kind) {
        if (xml == null || xml.isBlank()) {
            throw new LibvirtXmlException(kind, 0, "empty document");
        }
        XmlDocument document = new XmlDocument(kind);
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            document.root = new TreeBuilder(document, xml, reader).build();
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw new LibvirtXmlException(kind, at == null ? 0 : at.getLineNumber(),
                    at == null ? 0 : at.getColumnNumber(), "malformed XML: " + detail(e), e);
        } finally {
            close(reader);
        }
        return document;
    }

    /**
     * Parses {@code xml} and checks that its root element is {@code rootName}.
     *
     * @throws LibvirtXmlException as {@link #parse(String, String)}, or when the root element differs
     */
    public static XmlDocument parse(String xml, String kind, String rootName) {
        XmlDocument document = parse(xml, kind);
        if (!document.root.name().equals(rootName)) {
            throw document.root.error("root element is <" + document.root.name() + ">, expected <" + rootName + ">");
        }
        return document;
    }

    /** What the document is, as used in error messages. */
    public String kind() {
        return kind;
    }

    public XmlElement root() {
        return root;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return factory;
    }

    /** StAX messages repeat the location the exception already carries: keep the parser's own words. */
    private static String detail(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int location = message.indexOf("\n at [");
        return (location < 0 ? message : message.substring(0, location)).strip();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing is held beyond the in-memory input
            }
        }
    }

    /**
     * Builds the element tree from StAX events, recording each element's start-tag line. Text is kept per element;
     * whitespace between elements means nothing to libvirt and reads as no text.
     */
    private static final class TreeBuilder {

        private final XmlDocument document;
        private final String xml;
        private final XMLStreamReader reader;
        private final Deque<XmlElement.Builder> open = new ArrayDeque<>();

        TreeBuilder(XmlDocument document, String xml, XMLStreamReader reader) {
            this.document = document;
            this.xml = xml;
            this.reader = reader;
        }

        XmlElement build() throws XMLStreamException {
            XmlElement root = null;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw doctypeRefused();
                    case XMLStreamConstants.START_ELEMENT -> open.push(startElement());
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement element = open.pop().build();
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().add(element);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text(reader.getTextCharacters(), reader.getTextStart(),
                                    reader.getTextLength());
                        }
                    }
                    default -> {
                        // comments and processing instructions carry nothing libvirt reads
                    }
                }
            }
            return root;
        }

        /**
         * Refused before anything of it is read. The parser places the event where the prolog before it ends, so the
         * line is that of the declaration itself.
         */
        private LibvirtXmlException doctypeRefused() {
            int at = Math.max(0, xml.indexOf("<!DOCTYPE"));
            int line = 1 + (int) xml.substring(0, at).chars().filter(c -> c == '\n').count();
            return new LibvirtXmlException(document.kind(), line, "DOCTYPE is not allowed in libvirt XML");
        }

        private XmlElement.Builder startElement() {
            int count = reader.getAttributeCount();
            String[] names = new String[count];
            String[] values = new String[count];
            for (int i = 0; i < count; i++) {
                names[i] = qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
                values[i] = reader.getAttributeValue(i);
            }
            return new XmlElement.Builder(document, qualified(reader.getPrefix(), reader.getLocalName()),
                    reader.getLocation().getLineNumber(), names, values);
        }

        private static String qualified(String prefix, String localName) {
            return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
        }
    }
}
