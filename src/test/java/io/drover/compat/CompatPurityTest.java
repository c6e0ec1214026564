package io.drover.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The compat package stays pure domain code: no Spring, no libvirt binding, no JNA, no Drover adapter packages. */
class CompatPurityTest {

    private static final List<String> FORBIDDEN = List.of("import org.springframework", "import org.libvirt",
            "import com.sun.jna", "import io.drover.libvirt", "import io.drover.store", "import io.drover.cli",
            "import io.drover.inventory");

    @Test
    void importsOnlyTheModelAndTheJdk() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/drover/compat"))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String source = read(file);
                assertThat(FORBIDDEN).as(file.toString()).noneMatch(source::contains);
            });
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
