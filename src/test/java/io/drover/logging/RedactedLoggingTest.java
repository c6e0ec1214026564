package io.drover.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.drover.store.ModelJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedactedLoggingTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("io.drover.inventory.HostCollector");

    private LoggingEvent event(String message, Throwable failure, Object... arguments) {
        return new LoggingEvent("fqcn", logger, Level.WARN, message, failure, arguments);
    }

    @Test
    void jsonLinesAreOneObjectPerEventWithCredentialsMasked() {
        JsonLinesEncoder encoder = new JsonLinesEncoder();
        encoder.setContext(context);
        encoder.start();

        String line = new String(encoder.encode(event("host {} failed: \"{}\"", new IllegalStateException(
                "connect on qemu+tcp://ops:pw@kvm-1/system"), "kvm-1", "qemu+tcp://ops:pw@kvm-1/system?token=abc")),
                StandardCharsets.UTF_8);

        assertThat(line).endsWith("}\n").doesNotContain("pw@", "abc");
        Map<?, ?> json = ModelJson.mapper().readValue(line, Map.class);
        assertThat(json.get("level")).isEqualTo("WARN");
        assertThat(json.get("logger")).isEqualTo("io.drover.inventory.HostCollector");
        assertThat(json.get("message")).isEqualTo("host kvm-1 failed: \"qemu+tcp://ops:***@kvm-1/system?token=***\"");
        assertThat((String) json.get("stack_trace")).startsWith(
                "java.lang.IllegalStateException: connect on qemu+tcp://ops:***@kvm-1/system");
    }

    @Test
    void textPatternConvertersMaskMessagesAndStackTraces() {
        RedactedMessageConverter message = new RedactedMessageConverter();
        RedactedThrowableConverter exception = new RedactedThrowableConverter();
        exception.setContext(context);
        exception.start();
        LoggingEvent event = event("opening {}", new RuntimeException("jdbc:postgresql://db/drover?password=pw"),
                "qemu+tcp://a:b@h/system");

        assertThat(message.convert(event)).isEqualTo("opening qemu+tcp://a:***@h/system");
        assertThat(exception.convert(event)).contains("jdbc:postgresql://db/drover?password=***")
                .doesNotContain("password=pw");
    }
}
