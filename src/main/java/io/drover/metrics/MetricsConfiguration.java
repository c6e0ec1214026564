package io.drover.metrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    DroverMetrics droverMetrics() {
        return new DroverMetrics();
    }
}
