package io.drover;

import io.drover.cli.Main;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring side of Drover: jobs, stores and the database. The command line lives in {@link Main}. */
@SpringBootApplication
public class DroverApplication {

    public static void main(String[] args) {
        Main.main(args);
    }
}
