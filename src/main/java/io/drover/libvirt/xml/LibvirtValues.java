package io.drover.libvirt.xml;

import java.util.UUID;

import io.drover.model.ByteSize;

/** Conversions of libvirt scalar values that several documents share, with errors at the element's line. */
final class LibvirtValues {

    private LibvirtValues() {
    }

    /**
     * Reads a UUID element's text as libvirt does: 32 hex digits, dashes optional. {@link UUID#fromString} alone
     * would accept short groups such as {@code 1-2-3-4-5}.
     */
    static UUID uuid(XmlElement element) {
        String text = element.text();
        String hex = text.replace("-", "");
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw element.error("invalid UUID '" + text + "' in <" + element.name() + ">");
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
    }

    /** An amount with an optional {@code unit} attribute, KiB by default, e.g. {@code <memory unit='KiB'>}. */
    static ByteSize size(XmlElement element) {
        long value = element.longText();
        String unit = element.attribute("unit").orElse(null);
        try {
            return ByteSize.ofLibvirtUnit(value, unit);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw element.error("bad size in <" + element.name() + ">: " + e.getMessage());
        }
    }
}
