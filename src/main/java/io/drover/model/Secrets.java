package io.drover.model;

import java.util.regex.Pattern;

/**
 * Masks credentials in connection URIs before they are logged, printed or stored as an error: the password of
 * {@code user:password@} and the value of secret-looking query parameters ({@code ?password=}, {@code &token=},
 * JDBC's {@code ;password=}…). User names, hosts and paths stay, so a message still says which host failed. Applied
 * to whole texts (a libvirt error quotes its URI mid-sentence), not only to bare URIs.
 */
public final class Secrets {

    public static final String MASK = "***";

    /** {@code scheme://user:password@}: group 1 is everything before the password. */
    private static final Pattern USER_PASSWORD = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s/:@?#]*):[^\\s@/]*@");

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&;](?:password|passwd|pwd|pass|secret|token|api[_-]?key|auth[_-]?token|credentials?)=)[^&;\\s#'\"]*",
            Pattern.CASE_INSENSITIVE);

    private Secrets() {
    }

    /** {@code text} with every password and secret parameter in it replaced by {@value #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || (text.indexOf('@') < 0 && text.indexOf('=') < 0)) {
            return text;
        }
        String masked = USER_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }
}
