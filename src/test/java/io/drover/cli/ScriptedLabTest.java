package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The online demo runs exactly the repository's scripts, from the repository, with the mixed fleet's options. */
class ScriptedLabTest {

    @TempDir
    Path repo;

    private Path calls;

    private void script(String path, String body) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\necho \"" + path + " $*\" >> " + calls + "\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void installUpAndDownRunTheLabScriptsWithAMixedFleet() throws Exception {
        calls = repo.resolve("calls.log");
        script("bin/install-deps", "");
        script("lab/install-deps.sh", "");
        script("lab/lab.sh", "");
        ScriptedLab lab = new ScriptedLab(repo, Map.of("DROVER_LAB_DIR", "/var/tmp/demo-lab"));

        lab.installDependencies();
        Path fleet = lab.up();
        lab.down();

        assertThat(fleet).isEqualTo(Path.of("/var/tmp/demo-lab/fleet.yaml"));
        assertThat(Files.readAllLines(calls)).containsExactly("bin/install-deps ", "lab/install-deps.sh ",
                "lab/lab.sh up --host-qemu-version 3=8.2.0 --host-drop-machine 3=pc-q35-7.2", "lab/lab.sh down");
    }

    @Test
    void aFailingScriptFailsTheDemoWithItsExitCode() throws Exception {
        calls = repo.resolve("calls.log");
        script("lab/lab.sh", "exit 3");
        ScriptedLab lab = new ScriptedLab(repo, Map.of());

        assertThatThrownBy(lab::up).isInstanceOf(CommandFailure.class)
                .hasMessage("lab/lab.sh up --host-qemu-version 3=8.2.0 --host-drop-machine 3=pc-q35-7.2 failed "
                        + "(exit 3)");
    }
}
