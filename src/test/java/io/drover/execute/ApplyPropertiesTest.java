package io.drover.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** drover.apply.* as Spring binds it from application.properties plus an operator's settings. */
class ApplyPropertiesTest {

    private static ApplyProperties bind(Map<String, String> settings) throws IOException {
        Map<Object, Object> properties = new HashMap<>(PropertiesLoaderUtils.loadProperties(
                new ClassPathResource("application.properties")));
        properties.putAll(settings);
        return new Binder(new MapConfigurationPropertySource(properties)).bind("drover.apply", ApplyProperties.class)
                .get();
    }

    @Test
    void withoutClassesEveryGuestFollowsTheGlobalPolicy() throws IOException {
        assertThat(bind(Map.of()).policyFor("web-1"))
                .isEqualTo(new EscalationPolicy("default", TimeoutAction.ABORT, Duration.ofMillis(1000)));
        assertThat(bind(Map.of("drover.apply.post-copy", "true")).policyFor("web-1").timeoutAction())
                .isEqualTo(TimeoutAction.POST_COPY);
    }

    @Test
    void aGuestFollowsTheFirstClassByNameWhoseGlobsHoldIt() throws IOException {
        ApplyProperties properties = bind(Map.of(
                "drover.apply.classes.databases.guests", "db-*,pg-??",
                "drover.apply.classes.databases.timeout-action", "pause",
                "drover.apply.classes.databases.max-downtime", "2s",
                "drover.apply.classes.caches.guests", "*-cache",
                "drover.apply.classes.caches.timeout-action", "post-copy",
                "drover.apply.classes.zz-late.guests", "db-*"));

        assertThat(properties.policyFor("db-orders"))
                .isEqualTo(new EscalationPolicy("databases", TimeoutAction.PAUSE, Duration.ofSeconds(2)));
        assertThat(properties.policyFor("pg-01").migrationClass()).isEqualTo("databases");
        assertThat(properties.policyFor("pg-001").migrationClass()).isEqualTo("default");
        assertThat(properties.policyFor("db-cache"))
                .isEqualTo(new EscalationPolicy("caches", TimeoutAction.POST_COPY, Duration.ofMillis(1000)));
        assertThat(properties.policyFor("web.db-1").migrationClass()).as("a glob matches the whole name")
                .isEqualTo("default");
    }

    @Test
    void aGlobTakesRegexCharactersLiterally() {
        MigrationClass dotted = new MigrationClass(List.of("app.v?"), TimeoutAction.PAUSE, null);

        assertThat(dotted.holds("app.v2")).isTrue();
        assertThat(dotted.holds("appXv2")).isFalse();
    }
}
