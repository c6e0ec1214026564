package io.drover.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.drover.model.Secrets;

/** {@code %redactedException}: stack traces with credentials in URIs masked (exception messages quote URIs). */
public class RedactedThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redact(super.convert(event));
    }
}
