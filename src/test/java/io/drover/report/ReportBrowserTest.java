package io.drover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports render in a real browser: Debian's headless Chromium takes a screenshot, and the Gantt chart's colours must
 * be on it (a report that fails to parse or lays out blank shows none). Skipped when chromium is not installed
 * ({@code bin/install-test-deps} installs it).
 */
@Tag("browser")
class ReportBrowserTest {

    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void aPlanReportShowsItsWaveColoursAndCapacityBars() throws Exception {
        String html = PlanHtmlReport.render(ReportFixtures.campaign(), "sha256:abc", Optional.of(List.of(
                new HostLoad("kvm-1", 16384 * MIB, 8192 * MIB, 9216 * MIB, 8704 * MIB, 32, 8, 10, 9),
                new HostLoad("kvm-2", 16384 * MIB, 4096 * MIB, 10240 * MIB, 10240 * MIB, 32, 4, 10, 10))));

        BufferedImage screenshot = screenshot(html);

        // the bars of waves 1, 2 and 3 (.wave-0/1/2), and the "after" capacity bars
        assertThat(pixelsOf(screenshot, 0x2e6fd8)).isGreaterThan(200);
        assertThat(pixelsOf(screenshot, 0xe8710a)).isGreaterThan(200);
        assertThat(pixelsOf(screenshot, 0x1e8e3e)).isGreaterThan(200);
        assertThat(pixelsOf(screenshot, 0x1a73e8)).isGreaterThan(200);
        assertThat(distinctColours(screenshot)).isGreaterThan(20);
    }

    @Test
    void aRunReportShowsVerifiedAndFailedMigrations() throws Exception {
        BufferedImage screenshot = screenshot(RunHtmlReport.render(RunHtmlReportTest.run(), Instant.now()));

        assertThat(pixelsOf(screenshot, 0x1e8e3e)).isGreaterThan(200);
        assertThat(pixelsOf(screenshot, 0xd93025)).isGreaterThan(200);
    }

    private BufferedImage screenshot(String html) throws Exception {
        Optional<Path> chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), "chromium is not installed (bin/install-test-deps installs it): "
                + "reports were not rendered in a browser");
        Path page = dir.resolve("report.html");
        Files.writeString(page, html);
        Path png = dir.resolve("report.png");
        Chromium.screenshot(chromium.get(), page, png, dir.resolve("profile"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot %s", png).isNotNull();
        Path kept = Path.of("target", "browser-screenshots");
        Files.createDirectories(kept);
        Files.copy(png, kept.resolve(page.getFileName() + "-" + System.nanoTime() + ".png"));
        return image;
    }

    private static int pixelsOf(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    /** Debian's chromium, run headless exactly as an operator would to check a report. */
    static final class Chromium {

        private Chromium() {
        }

        static Optional<Path> find() {
            for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                Path candidate = Path.of(directory, "chromium");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }

        static void screenshot(Path chromium, Path page, Path png, Path profile) throws Exception {
            Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--screenshot=" + png, "--window-size=1400,1000", page.toUri().toString())
                    .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile())
                    .start();
            boolean exited = process.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            assertThat(exited).as("chromium finished within 120 s").isTrue();
            assertThat(png).as("chromium wrote a screenshot (exit %d)", process.exitValue()).exists();
        }
    }
}
