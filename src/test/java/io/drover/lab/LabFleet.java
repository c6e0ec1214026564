package io.drover.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * The real lab fleet (lab/lab.sh) that tests tagged {@code lab} run against. bin/test brings it up and passes its
 * fleet file in {@code DROVER_LAB_FLEET}; a lab test run without it fails rather than skips.
 */
public final class LabFleet {

    public static final String TAG = "lab";

    private LabFleet() {
    }

    public static Path fleetFile() {
        String fleet = System.getenv("DROVER_LAB_FLEET");
        assertThat(fleet).as("DROVER_LAB_FLEET (set by bin/test after lab/lab.sh up)").isNotBlank();
        Path file = Path.of(fleet);
        assertThat(file).as("lab fleet file").exists();
        return file;
    }

    /** Host i's libvirt URI, as lab.sh assigns it. */
    public static String uri(int host) {
        fleetFile();
        return "qemu+tcp://169.254.77." + host + "/system";
    }

}
