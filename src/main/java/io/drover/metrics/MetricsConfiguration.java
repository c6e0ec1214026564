package io.drover.metrics;

import io.drover.execute.ApplyProgressBroadcast;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    DroverMetrics droverMetrics() {
        return new DroverMetrics();
    }

    /** Migrations are measured from the executor's progress events for as long as the application runs. */
    @Bean(destroyMethod = "close")
    AutoCloseable migrationMetrics(ApplyProgressBroadcast progress, DroverMetrics metrics) {
        return progress.listen(new MigrationMetrics(metrics));
    }
}
