package app.spotter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SpotterApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpotterApplication.class, args);
    }
}
