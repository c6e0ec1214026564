package io.drover.libvirt.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads golden files from {@code src/test/resources/libvirt/} (provenance in its README.md). */
final class Golden {

    private Golden() {
    }

    static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/libvirt/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
