package io.drover.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import io.drover.model.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per log event and line ({@code DROVER_LOG_FORMAT=json}): {@code @timestamp}, {@code level},
 * {@code thread}, {@code logger}, {@code message}, the MDC's keys and {@code stack_trace}, with credentials in URIs
 * masked. Field names follow the ECS/Logstash convention so log shippers take them as they are.
 */
public class JsonLinesEncoder extends EncoderBase<ILoggingEvent> {

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        field(json, "level", event.getLevel().toString());
        field(json, "thread", event.getThreadName());
        field(json, "logger", event.getLoggerName());
        field(json, "message", Secrets.redact(event.getFormattedMessage()));
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            field(json, entry.getKey(), Secrets.redact(entry.getValue()));
        }
        if (event.getThrowableProxy() != null) {
            field(json, "stack_trace", Secrets.redact(ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        json.setCharAt(json.length() - 1, '}');
        return json.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    private static void field(StringBuilder json, String name, String value) {
        quote(json, name);
        json.append(':');
        if (value == null) {
            json.append("null");
        } else {
            quote(json, value);
        }
        json.append(',');
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
