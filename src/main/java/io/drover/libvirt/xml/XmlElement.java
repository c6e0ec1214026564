package io.drover.libvirt.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One element of an {@link XmlDocument}: its children by name, attributes and text, and errors that carry its line.
 * Blank attributes and texts read as absent, so callers see {@link Optional#empty()} rather than {@code ""}.
 */
public final class XmlElement {

    private final XmlDocument document;
    private final Element element;

    XmlElement(XmlDocument document, Element element) {
        this.document = document;
        this.element = element;
    }

    /** The tag name, with its prefix if it has one. */
    public String name() {
        return element.getTagName();
    }

    /** The line of the element's start tag (1-based). */
    public int line() {
        return XmlDocument.lineOf(element);
    }

    /** The first child element named {@code childName}. */
    public Optional<XmlElement> child(String childName) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(childName)) {
                return Optional.of(new XmlElement(document, child));
            }
        }
        return Optional.empty();
    }

    /** The first child element named {@code childName}, or an error {@code <parent> has no <child>}. */
    public XmlElement requiredChild(String childName) {
        return child(childName).orElseThrow(() -> error("<" + name() + "> has no <" + childName + ">"));
    }

    /** All child elements named {@code childName}, in document order. */
    public List<XmlElement> children(String childName) {
        List<XmlElement> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(childName)) {
                children.add(new XmlElement(document, child));
            }
        }
        return children;
    }

    /** All child elements, in document order. */
    public List<XmlElement> children() {
        List<XmlElement> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(new XmlElement(document, child));
            }
        }
        return children;
    }

    /** An attribute's value; absent when missing or blank. */
    public Optional<String> attribute(String attributeName) {
        String value = element.getAttribute(attributeName);
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** An attribute's value, or an error {@code <element> has no 'attribute' attribute}. */
    public String requiredAttribute(String attributeName) {
        return attribute(attributeName)
                .orElseThrow(() -> error("<" + name() + "> has no '" + attributeName + "' attribute"));
    }

    /** Whether the element has an attribute with this exact value, e.g. {@code supported='yes'}. */
    public boolean hasAttribute(String attributeName, String value) {
        return element.getAttribute(attributeName).equals(value);
    }

    /** The element's text content, trimmed; {@code ""} when it has none. */
    public String text() {
        return element.getTextContent().strip();
    }

    /** The trimmed text of the first child named {@code childName}; absent when the child is missing or blank. */
    public Optional<String> childText(String childName) {
        return child(childName).map(XmlElement::text).filter(text -> !text.isEmpty());
    }

    /** The text of a child that must be present and non-blank, or an error {@code <parent> has no <child>}. */
    public String requiredChildText(String childName) {
        XmlElement child = requiredChild(childName);
        String text = child.text();
        if (text.isEmpty()) {
            throw child.error("<" + childName + "> is empty");
        }
        return text;
    }

    /** An attribute parsed as an int; an error names the element and the bad value. */
    public Optional<Integer> intAttribute(String attributeName) {
        return attribute(attributeName).map(value -> parseInt(value, "'" + attributeName + "' of <" + name() + ">"));
    }

    /** The element's text parsed as a non-negative long; an error names the element and the bad value. */
    public long longText() {
        String text = text();
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw error("negative value '" + text + "' in <" + name() + ">");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("not a number: '" + text + "' in <" + name() + ">");
        }
    }

    int parseInt(String value, String what) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw error("not a number: '" + value + "' in " + what);
        }
    }

    /** A {@link LibvirtXmlException} at this element's line; the caller throws it. */
    public LibvirtXmlException error(String detail) {
        return new LibvirtXmlException(document.kind(), line(), detail);
    }

    @Override
    public String toString() {
        return "<" + name() + "> at " + document.kind() + " line " + line();
    }
}
