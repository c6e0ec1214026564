package io.drover.libvirt.xml;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
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
 * <p>The JDK's SAX parser builds the tree (a DOM builder cannot report line numbers). Parsers are reused per thread;
 * a document is confined to the thread that parsed it, like any DOM.
 */
public final class XmlDocument {

    private static final String LINE_KEY = "io.drover.line";

    private static final SAXParserFactory SAX_FACTORY = newSaxFactory();
    private static final DocumentBuilderFactory DOM_FACTORY = DocumentBuilderFactory.newDefaultInstance();
    private static final ThreadLocal<Parsers> PARSERS = ThreadLocal.withInitial(Parsers::create);

    private final String kind;
    private final XmlElement root;

    private XmlDocument(String kind, Document document) {
        this.kind = kind;
        this.root = new XmlElement(this, document.getDocumentElement());
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
        Parsers parsers = PARSERS.get();
        DomBuilder builder = new DomBuilder(parsers.documentBuilder.newDocument());
        try {
            parsers.saxParser.parse(new InputSource(new StringReader(xml)), builder);
        } catch (SAXParseException e) {
            throw new LibvirtXmlException(kind, e.getLineNumber(), e.getColumnNumber(),
                    "malformed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new LibvirtXmlException(kind, 0, 0, "malformed XML: " + e.getMessage(), e);
        } finally {
            parsers.saxParser.reset();
        }
        return new XmlDocument(kind, builder.document);
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

    static int lineOf(Element element) {
        Object line = element.getUserData(LINE_KEY);
        return line instanceof Integer number ? number : 0;
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

    /** The per-thread parser pair: JAXP parsers are not thread-safe, and creating one costs more than a parse. */
    private record Parsers(SAXParser saxParser, DocumentBuilder documentBuilder) {

        static Parsers create() {
            try {
                return new Parsers(SAX_FACTORY.newSAXParser(), DOM_FACTORY.newDocumentBuilder());
            } catch (ParserConfigurationException | SAXException e) {
                throw new IllegalStateException("cannot create an XML parser", e);
            }
        }
    }

    /**
     * Builds a DOM from SAX events, recording each element's start-tag line. Whitespace-only text between elements is
     * dropped; libvirt puts no meaning in it.
     */
    private static final class DomBuilder extends DefaultHandler {

        private final Document document;
        private final Deque<Node> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;

        DomBuilder(Document document) {
            this.document = document;
            open.push(document);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            Element element = document.createElement(qName);
            for (int i = 0, n = attributes.getLength(); i < n; i++) {
                element.setAttribute(attributes.getQName(i), attributes.getValue(i));
            }
            if (locator != null) {
                element.setUserData(LINE_KEY, locator.getLineNumber(), null);
            }
            open.peek().appendChild(element);
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flushText() {
            if (text.length() == 0) {
                return;
            }
            if (!isWhitespace(text) && open.peek() instanceof Element parent) {
                parent.appendChild(document.createTextNode(text.toString()));
            }
            text.setLength(0);
        }

        private static boolean isWhitespace(CharSequence chars) {
            for (int i = 0, n = chars.length(); i < n; i++) {
                if (!Character.isWhitespace(chars.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
