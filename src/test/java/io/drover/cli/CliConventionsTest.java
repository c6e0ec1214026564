package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

class CliConventionsTest {

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColorOrADumbTerminal() {
        assertThat(Main.ansi(Map.of("TERM", "xterm-256color"), true)).isEqualTo(Ansi.ON);
        assertThat(Main.ansi(Map.of("TERM", "xterm-256color"), false)).isEqualTo(Ansi.OFF);
        assertThat(Main.ansi(Map.of("NO_COLOR", ""), true)).isEqualTo(Ansi.OFF);
        assertThat(Main.ansi(Map.of("TERM", "dumb"), true)).isEqualTo(Ansi.OFF);
    }

    @Test
    void aUserErrorIsOneLineWithoutEscapesOrStackTrace() {
        StringWriter err = new StringWriter();

        int exit = Main.run(new String[] {"plan", "show", "/nonexistent/plan.json"}, new PrintWriter(
                new StringWriter()), new PrintWriter(err));

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).startsWith("drover: ").contains("(run with --stacktrace for details)")
                .doesNotContain("\u001b[", "\tat ");
    }

    @Test
    void theLogFormatIsTakenFromTheCommandLineBeforeLoggingStarts() {
        String before = System.getProperty("DROVER_LOG_FORMAT");
        try {
            Main.selectLogFormat(new String[] {"--log-format", "JSON", "inventory", "x"});
            assertThat(System.getProperty("DROVER_LOG_FORMAT")).isEqualTo("json");
            Main.selectLogFormat(new String[] {"--log-format=text"});
            assertThat(System.getProperty("DROVER_LOG_FORMAT")).isEqualTo("text");
        } finally {
            if (before == null) {
                System.clearProperty("DROVER_LOG_FORMAT");
            } else {
                System.setProperty("DROVER_LOG_FORMAT", before);
            }
        }
    }
}
