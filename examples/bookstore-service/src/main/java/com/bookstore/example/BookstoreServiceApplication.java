package com.bookstore.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the example service: {@code DATABASE_URL=postgresql://... java -jar bookstore-service.jar}. */
@SpringBootApplication
public class BookstoreServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BookstoreServiceApplication.class, args);
    }
}
