package io.drover.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        assertThat(bind(Map.of()).policyFor("web-1", Optional.empty()))
                .isEqualTo(new EscalationPolicy("default", TimeoutAction.ABORT, Duration.ofMillis(1000)));
        assertThat(bind(Map.of("drover.apply.post-copy", "true")).policyFor("web-1", Optional.empty()).timeoutAction())
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

        assertThat(properties.policyFor("db-orders", Optional.empty()))
                .isEqualTo(new EscalationPolicy("databases", TimeoutAction.PAUSE, Duration.ofSeconds(2)));
        assertThat(properties.policyFor("pg-01", Optional.empty()).migrationClass()).isEqualTo("databases");
        assertThat(properties.policyFor("pg-001", Optional.empty()).migrationClass()).isEqualTo("default");
        assertThat(properties.policyFor("db-cache", Optional.empty()))
                .isEqualTo(new EscalationPolicy("caches", TimeoutAction.POST_COPY, Duration.ofMillis(1000)));
        assertThat(properties.policyFor("web.db-1", Optional.empty()).migrationClass()).as("a glob matches the whole name")
                .isEqualTo("default");
    }

    @Test
    void aGlobTakesRegexCharactersLiterally() {
        MigrationClass dotted = new MigrationClass(List.of("app.v?"), List.of(), TimeoutAction.PAUSE, null);

        assertThat(dotted.holds("app.v2", Optional.empty())).isTrue();
        assertThat(dotted.holds("appXv2", Optional.empty())).isFalse();
    }

    @Test
    void aClassHoldsGuestsByTheirNovaFlavorToo() throws IOException {
        ApplyProperties properties = bind(Map.of(
                "drover.apply.classes.databases.flavors", "db.*",
                "drover.apply.classes.databases.timeout-action", "pause",
                "drover.apply.classes.web.guests", "web-*"));

        assertThat(properties.policyFor("instance-0000002a", Optional.of("db.xlarge")).migrationClass())
                .isEqualTo("databases");
        assertThat(properties.policyFor("instance-0000002b", Optional.of("m1.small")).migrationClass())
                .isEqualTo("default");
        assertThat(properties.policyFor("instance-0000002c", Optional.empty()).migrationClass())
                .as("a guest Nova does not manage has no flavor").isEqualTo("default");
        assertThat(properties.policyFor("web-1", Optional.of("db.small")).migrationClass())
                .as("the first class by name whose name or flavor globs hold the guest").isEqualTo("databases");
    }
}
