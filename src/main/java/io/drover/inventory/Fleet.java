package io.drover.inventory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The hosts to inventory, plus the declarations that were rejected (each naming its file and line). Rejected hosts
 * are reported, and the rest of the fleet is inventoried.
 */
public record Fleet(String source, List<HostSource> hosts, List<String> problems) {

    public Fleet {
        hosts = List.copyOf(hosts);
        problems = List.copyOf(problems);
    }

    /** Reads a fleet file, or a directory of {@code virsh} dumps. */
    public static Fleet load(Path fleetFileOrDumpDirectory) {
        if (Files.isDirectory(fleetFileOrDumpDirectory)) {
            return DumpDirectory.fleet(fleetFileOrDumpDirectory);
        }
        if (!Files.isRegularFile(fleetFileOrDumpDirectory)) {
            throw new FleetDefinitionException(fleetFileOrDumpDirectory
                    + ": no such fleet file or dump directory");
        }
        return FleetFileReader.forLiveFleet().read(fleetFileOrDumpDirectory);
    }
}
