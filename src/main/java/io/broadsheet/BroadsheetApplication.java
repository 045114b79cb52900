package io.broadsheet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BroadsheetApplication {

    public static void main(String[] args) {
        SpringApplication.run(BroadsheetApplication.class, args);
    }
}
