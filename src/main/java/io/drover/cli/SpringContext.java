package io.drover.cli;

import io.drover.DroverApplication;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Spring (and so the database) only when a command first needs it, so that {@code --help} and argument
 * errors answer at once.
 */
public final class SpringContext implements AutoCloseable {

    private final List<String> springArguments;
    private ConfigurableApplicationContext context;

    public SpringContext(List<String> springArguments) {
        this.springArguments = List.copyOf(springArguments);
    }

    public synchronized <T> T bean(Class<T> type) {
        if (context == null) {
            SpringApplication application = new SpringApplication(DroverApplication.class);
            // Ahead-of-time mode (-Dspring.aot.enabled=true) finds the generated context by the main class's name.
            application.setMainApplicationClass(DroverApplication.class);
            context = application.run(springArguments.toArray(String[]::new));
        }
        return context.getBean(type);
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
        }
    }
}
