package io.drover.libvirt.xml;

/**
 * A libvirt document (domain XML, capabilities, {@code virsh version} output…) that Drover cannot read: malformed,
 * missing something Drover needs, or holding a value it does not know. The message names the document kind and,
 * when known, the line: {@code domain XML line 14: unknown disk cache mode 'foo'}.
 */
public class LibvirtXmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String documentKind;
    private final int line;
    private final int column;
    private final String detail;

    /** A problem at a known line ({@code line <= 0} when unknown). */
    public LibvirtXmlException(String documentKind, int line, String detail) {
        this(documentKind, line, 0, detail, null);
    }

    public LibvirtXmlException(String documentKind, int line, int column, String detail, Throwable cause) {
        super(format(documentKind, line, column, detail), cause);
        this.documentKind = documentKind;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    private static String format(String documentKind, int line, int column, String detail) {
        StringBuilder message = new StringBuilder(documentKind);
        if (line > 0) {
            message.append(" line ").append(line);
            if (column > 0) {
                message.append(", column ").append(column);
            }
        }
        return message.append(": ").append(detail).toString();
    }

    /** What was being read, e.g. {@code domain XML} or {@code virsh version output}. */
    public String documentKind() {
        return documentKind;
    }

    /** The 1-based line of the problem, or 0 when the problem has no single line (a missing line of text). */
    public int line() {
        return line;
    }

    /** The 1-based column for malformed XML, else 0. */
    public int column() {
        return column;
    }

    /** The message without the document kind and line. */
    public String detail() {
        return detail;
    }
}
