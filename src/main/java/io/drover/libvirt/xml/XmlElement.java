package io.drover.libvirt.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of an {@link XmlDocument}: its children by name, attributes and text, and errors that carry its line.
 * Blank attributes and texts read as absent, so callers see {@link Optional#empty()} rather than {@code ""}.
 */
public final class XmlElement {

    private final XmlDocument document;
    private final String name;
    private final int line;
    private final String[] attributeNames;
    private final String[] attributeValues;
    private final List<XmlElement> children;
    private final String text;

    private XmlElement(Builder builder) {
        this.document = builder.document;
        this.name = builder.name;
        this.line = builder.line;
        this.attributeNames = builder.attributeNames;
        this.attributeValues = builder.attributeValues;
        this.children = builder.children.isEmpty() ? List.of() : List.copyOf(builder.children);
        this.text = builder.text == null ? "" : builder.text.toString().strip();
    }

    /** The tag name, with its prefix if it has one. */
    public String name() {
        return name;
    }

    /** The line of the element's start tag (1-based). */
    public int line() {
        return line;
    }

    /** The first child element named {@code childName}. */
    public Optional<XmlElement> child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return Optional.of(child);
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
        List<XmlElement> named = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                named.add(child);
            }
        }
        return named;
    }

    /** All child elements, in document order. */
    public List<XmlElement> children() {
        return children;
    }

    /** An attribute's value; absent when missing or blank. */
    public Optional<String> attribute(String attributeName) {
        String value = rawAttribute(attributeName);
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private String rawAttribute(String attributeName) {
        for (int i = 0; i < attributeNames.length; i++) {
            if (attributeNames[i].equals(attributeName)) {
                return attributeValues[i];
            }
        }
        return "";
    }

    /** An attribute's value, or an error {@code <element> has no 'attribute' attribute}. */
    public String requiredAttribute(String attributeName) {
        return attribute(attributeName)
                .orElseThrow(() -> error("<" + name() + "> has no '" + attributeName + "' attribute"));
    }

    /** Whether the element has an attribute with this exact value, e.g. {@code supported='yes'}. */
    public boolean hasAttribute(String attributeName, String value) {
        return rawAttribute(attributeName).equals(value);
    }

    /** The element's own text, trimmed; {@code ""} when it has none. libvirt puts text only in leaf elements. */
    public String text() {
        return text;
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

    /** Collects one element while the parser is inside it. */
    static final class Builder {
        private final XmlDocument document;
        private final String name;
        private final int line;
        private final String[] attributeNames;
        private final String[] attributeValues;
        private final List<XmlElement> children = new ArrayList<>();
        private StringBuilder text;

        Builder(XmlDocument document, String name, int line, String[] attributeNames, String[] attributeValues) {
            this.document = document;
            this.name = name;
            this.line = line;
            this.attributeNames = attributeNames;
            this.attributeValues = attributeValues;
        }

        void add(XmlElement child) {
            children.add(child);
        }

        void text(char[] chars, int start, int length) {
            if (text == null) {
                text = new StringBuilder(length);
            }
            text.append(chars, start, length);
        }

        XmlElement build() {
            return new XmlElement(this);
        }
    }
}
