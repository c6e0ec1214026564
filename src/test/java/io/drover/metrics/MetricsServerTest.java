package io.drover.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    private final DroverMetrics metrics = new DroverMetrics();

    @Test
    void theEndpointServesWhatWasRecordedInPrometheusTextFormatOnLoopback() throws Exception {
        metrics.inventoryHost(false, Duration.ofMillis(1200));
        metrics.inventoryHost(true, Duration.ofSeconds(120));
        metrics.planMade("DRAIN", Duration.ofSeconds(3), 12, 1);
        metrics.migrationStarted();
        metrics.migrationStarted();
        metrics.migrationFinished("VERIFIED", "LIVE", Duration.ofSeconds(9), Optional.of(Duration.ofMillis(41)),
                1L << 30);

        try (MetricsServer server = MetricsServer.start(metrics, 0)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains(MetricsServer.CONTENT_TYPE);
            assertThat(response.body()).contains(
                    "drover_inventory_host_seconds_count{outcome=\"collected\"} 1",
                    "drover_inventory_host_seconds_count{outcome=\"failed\"} 1",
                    "drover_inventory_host_errors_total 1.0",
                    "drover_plan_seconds_sum{kind=\"DRAIN\"} 3.0",
                    "drover_plan_migrations_sum{kind=\"DRAIN\"} 12.0",
                    "drover_migrations_total{mode=\"LIVE\",result=\"VERIFIED\"} 1.0",
                    "drover_migration_downtime_seconds_sum 0.041",
                    "drover_migration_transferred_bytes_total 1.073741824E9",
                    "drover_migrations_in_flight 1.0");
        }
    }

    @Test
    void itStopsServingWhenClosed() throws Exception {
        MetricsServer server = MetricsServer.start(metrics, 0);
        int port = server.port();
        server.close();

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
