package io.drover;

import io.drover.cli.Main;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring side of Drover: jobs, stores and the database. Commands start at {@link Main}, which starts this context
 * when a command first needs it.
 */
@SpringBootApplication
public class DroverApplication {

    /**
     * Starts the context alone. Spring's ahead-of-time processing runs this at build time ({@code process-aot} in
     * pom.xml) to record the context's bean definitions as code, which {@code bin/drover} runs instead of scanning
     * classes and evaluating conditions at every start.
     */
    public static void main(String[] args) {
        SpringApplication.run(DroverApplication.class, args);
    }
}
