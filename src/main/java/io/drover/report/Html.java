package io.drover.report;

/**
 * Escaping for report text. Guest and host names come from libvirt XML and plan files, so every string that reaches
 * a report goes through here; the output is also well-formed XML, which lets tests parse reports with the JDK's parser.
 */
public final class Html {

    private Html() {
    }

    /** {@code text} safe inside an element or a double- or single-quoted attribute. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(allowedInXml(c) ? c : '\uFFFD');
            }
        }
        return escaped.toString();
    }

    /** XML 1.0 forbids most control characters even as references; a report shows them as U+FFFD. */
    private static boolean allowedInXml(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }
}
