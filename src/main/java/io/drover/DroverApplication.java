package io.drover;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DroverApplication {
}
