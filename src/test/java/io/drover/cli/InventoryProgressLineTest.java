package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.inventory.InventoryProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class InventoryProgressLineTest {

    @Test
    void withoutATerminalItPrintsALinePerTenthOfTheHosts() {
        InventoryProgress progress = new InventoryProgress();
        StringWriter err = new StringWriter();
        progress.started(20);
        try (InventoryProgressLine line = InventoryProgressLine.show(new PrintWriter(err), progress)) {
            progress.hostDone(false);
            line.tick(); // 1 of 20: under a tenth, nothing yet
            progress.hostDone(true);
            line.tick();
            line.tick(); // no change, no second line
            for (int i = 0; i < 18; i++) {
                progress.hostDone(false);
            }
            line.tick();
        }

        assertThat(err.toString().lines()).containsExactly("inventory: 2 of 20 hosts (10 %), 1 failed",
                "inventory: 20 of 20 hosts (100 %), 1 failed");
    }
}
