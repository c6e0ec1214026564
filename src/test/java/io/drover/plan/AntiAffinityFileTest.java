package io.drover.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AntiAffinityFileTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("groups.yaml"), yaml);
    }

    @Test
    void readsOneGroupPerKeyAndLooksGuestsUpInEveryGroupOfTheirs() throws Exception {
        List<AntiAffinityGroup> groups = AntiAffinityFile.read(file("db: [db-1, db-2]\nfront:\n  - db-1\n  - web-1\n"));

        assertThat(groups).containsExactly(new AntiAffinityGroup("db", List.of("db-1", "db-2")),
                new AntiAffinityGroup("front", List.of("db-1", "web-1")));
        AntiAffinity antiAffinity = new AntiAffinity(groups);
        assertThat(antiAffinity.groupsOf("db-1")).containsExactly("db", "front");
        assertThat(antiAffinity.groupsOf("other")).isEmpty();
    }

    @Test
    void anEmptyFileHasNoGroup() throws Exception {
        assertThat(AntiAffinityFile.read(file(""))).isEmpty();
    }

    @Test
    void aGroupOfOneOrNotAListIsRefusedWithTheFileNamed() throws Exception {
        Path one = file("db: [db-1]\n");
        assertThatThrownBy(() -> AntiAffinityFile.read(one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(one + ": anti-affinity group 'db' needs at least two guests, has [db-1]");
        Path scalar = file("db: db-1\n");
        assertThatThrownBy(() -> AntiAffinityFile.read(scalar)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(scalar + ": group 'db' must be a list of guest names");
        Path twice = file("db: [db-1, db-1]\n");
        assertThatThrownBy(() -> AntiAffinityFile.read(twice)).hasMessageContaining("names a guest twice");
    }
}
