package io.drover.libvirt.xml;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A libvirt XML document parsed into a JDK DOM whose elements remember their line, so that errors can say
 * {@code domain XML line 12: <disk> has no <target dev>}.
 *
 * <p>Parsing is XXE-safe: a DOCTYPE is refused outright, external entities and DTDs are never loaded, and the JDK's
 * secure-processing limits apply. libvirt never emits a DOCTYPE. Parsing is namespace-unaware: elements of
 * hypervisor or application namespaces keep their prefix ({@code nova:instance}) and so never match the plain
 * libvirt names the parsers ask for.
 *
 * <p>The JDK's SAX parser feeds a small tree of {@link XmlElement}s (name, line, attributes, children, text): a
 * JDK DOM costs several times more to build, and thirty thousand domains are parsed in one inventory. Parsers are
 * reused per thread; a document is immutable once parsed.
 */
public final class XmlDocument {

    private static final SAXParserFactory SAX_FACTORY = newSaxFactory();
    private static final ThreadLocal<SAXParser> PARSERS = ThreadLocal.withInitial(XmlDocument::newParser);

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
        SAXParser parser = PARSERS.get();
        XmlDocument document = new XmlDocument(kind);
        TreeBuilder builder = new TreeBuilder(document);
        try {
            parser.parse(new InputSource(new StringReader(xml)), builder);
        } catch (SAXParseException e) {
            throw new LibvirtXmlException(kind, e.getLineNumber(), e.getColumnNumber(),
                    "malformed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new LibvirtXmlException(kind, 0, 0, "malformed XML: " + e.getMessage(), e);
        } finally {
            parser.reset();
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

    private static SAXParserFactory newSaxFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
        return factory;
    }

    /** JAXP parsers are not thread-safe, and creating one costs more than a parse: one per thread. */
    private static SAXParser newParser() {
        try {
            return SAX_FACTORY.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create an XML parser", e);
        }
    }

    /**
     * Builds the element tree from SAX events, recording each element's start-tag line. Text is kept per element;
     * whitespace between elements means nothing to libvirt and reads as no text.
     */
    private static final class TreeBuilder extends DefaultHandler {

        private final XmlDocument document;
        private final Deque<XmlElement.Builder> open = new ArrayDeque<>();
        private Locator locator;

        TreeBuilder(XmlDocument document) {
            this.document = document;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String[] names = new String[attributes.getLength()];
            String[] values = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                names[i] = attributes.getQName(i);
                values[i] = attributes.getValue(i);
            }
            open.push(new XmlElement.Builder(document, qName, locator == null ? 0 : locator.getLineNumber(), names,
                    values));
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            XmlElement element = open.pop().build();
            if (open.isEmpty()) {
                document.root = element;
            } else {
                open.peek().add(element);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            open.peek().text(ch, start, length);
        }
    }
}
