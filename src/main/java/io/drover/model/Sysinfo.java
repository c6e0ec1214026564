package io.drover.model;

import java.util.Map;

/**
 * SMBIOS data of a host or a guest, flattened to {@code block.entry} keys such as {@code system.serial} or
 * {@code bios.vendor}. Guests with licensing tied to their serial must keep it across a migration.
 */
public record Sysinfo(String type, Map<String, String> entries) {

    public Sysinfo {
        entries = Map.copyOf(entries);
    }
}
