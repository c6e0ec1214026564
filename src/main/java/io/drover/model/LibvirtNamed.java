package io.drover.model;

import java.util.Arrays;

/** An enum whose constants stand for values libvirt spells its own way in XML. */
interface LibvirtNamed {

    String libvirtName();

    /** The constant libvirt spells {@code name}; an unknown spelling is an error naming {@code what}, never null. */
    static <E extends Enum<E> & LibvirtNamed> E byLibvirtName(Class<E> type, String name, String what) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.libvirtName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + name + "'"));
    }
}
