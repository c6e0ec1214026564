package io.drover.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.ByteSize;
import io.drover.model.DiskSize;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainStatsTest {

    private static final String ORIGIN = "host-a domain web-1 statistics";

    @Test
    void theMemoryInUseIsTheBalloonLessWhatTheGuestCallsUnused() {
        // as virsh domstats --balloon printed them for a 256 MiB lab guest
        DomainStats stats = new DomainStats(Map.of("balloon.current", "262144", "balloon.maximum", "262144",
                "balloon.unused", "192632", "balloon.available", "223744", "balloon.rss", "225720"), ORIGIN);

        assertThat(stats.memoryInUse()).contains(ByteSize.ofKiB(69_512));
    }

    @Test
    void aGuestWithoutBalloonStatisticsReportsNoMemoryInUse() {
        // a balloon without a statistics period reports its size and QEMU's RSS only
        DomainStats stats = new DomainStats(Map.of("balloon.current", "262144", "balloon.rss", "225720"), ORIGIN);

        assertThat(stats.memoryInUse()).isEmpty();
        assertThat(new DomainStats(Map.of(), ORIGIN).memoryInUse()).isEmpty();
    }

    @Test
    void aGuestReportingMoreUnusedThanTheBalloonHoldsHasNoMemoryInUseUntilItsNextReport() {
        // the balloon was shrunk to 1 GiB after the guest last reported 2 GiB free
        DomainStats stats = new DomainStats(Map.of("balloon.current", "1048576", "balloon.unused", "2097152"), ORIGIN);

        assertThat(stats.memoryInUse()).isEmpty();
    }

    @Test
    void malformedNumbersFailNamingTheDomainAndTheStatistic() {
        assertThatThrownBy(() -> new DomainStats(Map.of("balloon.current", "lots", "balloon.unused", "2048"), ORIGIN)
                .memoryInUse()).isInstanceOf(InventoryException.class)
                .hasMessage(ORIGIN + ": balloon.current is not a number: lots");
    }

    @Test
    void disksReportedWithoutBothSizesAreLeftOut() {
        DomainStats stats = new DomainStats(Map.of("block.count", "2", "block.0.name", "vda",
                "block.0.capacity", "67108864", "block.0.allocation", "17039360", "block.1.name", "hdc"), ORIGIN);

        assertThat(stats.diskSizes()).containsOnly(
                Map.entry("vda", new DiskSize(ByteSize.ofMiB(64), new ByteSize(17_039_360))));
    }
}
