package io.drover.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lab of {@code lab/lab.sh}: real libvirtd + QEMU hosts in network namespaces on this machine (root only). The
 * demo's fleet is mixed: host 3 reports QEMU 8.2.0 and lacks the q35 7.2 machine type, so a q35 guest cannot go
 * there and the 7.2 hosts cannot take its guests back; the lab's default guests add local, overlay and shared disks
 * and one writeback-cache guest that no plan may move.
 */
final class ScriptedLab implements DemoLab {

    static final List<String> MIXED_FLEET = List.of("--host-qemu-version", "3=8.2.0",
            "--host-drop-machine", "3=pc-q35-7.2");

    private final Path repository;
    private final Path labDirectory;

    ScriptedLab(Path repository, Map<String, String> environment) {
        this.repository = repository;
        this.labDirectory = Path.of(environment.getOrDefault("DROVER_LAB_DIR", "/var/tmp/drover-lab"));
    }

    @Override
    public void installDependencies() throws Exception {
        run(List.of("bin/install-deps"));
        run(List.of("lab/install-deps.sh"));
    }

    @Override
    public Path up() throws Exception {
        List<String> command = new ArrayList<>(List.of("lab/lab.sh", "up"));
        command.addAll(MIXED_FLEET);
        run(command);
        return labDirectory.resolve("fleet.yaml");
    }

    @Override
    public void down() throws Exception {
        run(List.of("lab/lab.sh", "down"));
    }

    /** Runs a repository script; its output goes to standard error, which carries the logs, not the demo's report. */
    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, repository.resolve(command.get(0)).toString());
        Process process = new ProcessBuilder(resolved).directory(repository.toFile()).redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        process.getInputStream().transferTo(System.err);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new CommandFailure(ExitCodes.FAILURE, String.join(" ", command) + " failed (exit " + exit + ")");
        }
    }
}
