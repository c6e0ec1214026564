package io.drover.cli;

import io.drover.compat.CpuMap;
import io.drover.compat.CpuMapException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --cpu-map DIR}: where libvirt's CPU map is, for commands that apply the compatibility rules. */
public class CpuMapOption {

    @Option(names = "--cpu-map", paramLabel = "DIR", defaultValue = "/usr/share/libvirt/cpu_map",
            description = "libvirt's CPU map directory (default: ${DEFAULT-VALUE}).")
    Path directory;

    CpuMap load() {
        try {
            return CpuMap.load(directory);
        } catch (CpuMapException e) {
            throw CommandFailure.invalidInput(e.getMessage());
        }
    }
}
