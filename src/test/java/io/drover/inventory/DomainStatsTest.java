package io.drover.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.ByteSize;
import io.drover.model.DiskSize;
import io.drover.model.MemoryUse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainStatsTest {

    private static final String ORIGIN = "host-a domain web-1 statistics";

    @Test
    void theMemoryInUseIsTheBalloonLessWhatTheGuestCallsUnusedAndTheResidentMemoryQemusRss() {
        // as virsh domstats --balloon printed them for a 256 MiB lab guest
        DomainStats stats = new DomainStats(Map.of("balloon.current", "262144", "balloon.maximum", "262144",
                "balloon.unused", "192632", "balloon.available", "223744", "balloon.rss", "225720"), ORIGIN);

        assertThat(stats.memoryUse()).isEqualTo(new MemoryUse(Optional.of(ByteSize.ofKiB(69_512)),
                Optional.of(ByteSize.ofKiB(225_720))));
    }

    @Test
    void aGuestWithoutBalloonStatisticsReportsOnlyItsResidentMemory() {
        // a guest without a balloon driver (here lab-firmware) reports its size and QEMU's RSS only
        DomainStats stats = new DomainStats(Map.of("balloon.current", "65536", "balloon.maximum", "65536",
                "balloon.rss", "42252"), ORIGIN);

        assertThat(stats.memoryUse()).isEqualTo(new MemoryUse(Optional.empty(), Optional.of(ByteSize.ofKiB(42_252))));
        assertThat(new DomainStats(Map.of(), ORIGIN).memoryUse()).isEqualTo(MemoryUse.UNKNOWN);
    }

    @Test
    void aGuestReportingMoreUnusedThanTheBalloonHoldsHasNoMemoryInUseUntilItsNextReport() {
        // the balloon was shrunk to 1 GiB after the guest last reported 2 GiB free
        DomainStats stats = new DomainStats(Map.of("balloon.current", "1048576", "balloon.unused", "2097152"), ORIGIN);

        assertThat(stats.memoryUse().inUse()).isEmpty();
    }

    @Test
    void malformedNumbersFailNamingTheDomainAndTheStatistic() {
        assertThatThrownBy(() -> new DomainStats(Map.of("balloon.current", "lots", "balloon.unused", "2048"), ORIGIN)
                .memoryUse()).isInstanceOf(InventoryException.class)
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
