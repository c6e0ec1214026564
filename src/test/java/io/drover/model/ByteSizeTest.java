package io.drover.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void libvirtUnitsAreBinary() {
        assertThat(ByteSize.ofLibvirtUnit(262144, "KiB")).isEqualTo(ByteSize.ofMiB(256));
        assertThat(ByteSize.ofLibvirtUnit(2, "G")).isEqualTo(ByteSize.ofMiB(2048));
    }

    @Test
    void exactTextKeepsEveryByteAndPeopleTextRoundsToATenthOfAMiB() {
        ByteSize estimate = new ByteSize(322122547); // 256 MiB plus a fifth: what a plan expects a guest to send
        assertThat(estimate).hasToString("322122547 B");
        assertThat(estimate.toMiBText()).isEqualTo("307.2 MiB");
        assertThat(ByteSize.ofMiB(512)).hasToString("512 MiB");
        assertThat(ByteSize.ofMiB(512).toMiBText()).isEqualTo("512.0 MiB");
    }

    @Test
    void refusesNegativeSizes() {
        assertThatThrownBy(() -> new ByteSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
