package io.drover.model;

import java.util.Optional;

/** A guest network interface: its {@code type}, MAC, what it attaches to (bridge or network name), and model. */
public record NetInterface(String type, Optional<String> mac, Optional<String> source, Optional<String> model) {
}
