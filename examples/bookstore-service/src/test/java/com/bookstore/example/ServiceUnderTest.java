package com.bookstore.example;

import com.bookstore.db.core.settings.DatabaseSettings;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Starts the example service on a given database, as a deployment would, with the database on the command line. */
final class ServiceUnderTest {

    private ServiceUnderTest() {
    }

    /**
     * Runs {@link BookstoreServiceApplication} against {@code database}. Command-line arguments outrank the process
     * environment, so a {@code DATABASE_URL} set for the build (tests on a real server) cannot redirect the service
     * away from its scratch database.
     */
    static ConfigurableApplicationContext start(DatabaseSettings database, WebApplicationType web, String... extraArgs) {
        List<String> args = new ArrayList<>();
        args.add("--database.url=" + database.jdbcUrl());
        if (database.user() != null) {
            args.add("--database.user=" + database.user());
        }
        if (database.password() != null) {
            args.add("--database.password=" + database.password());
        }
        args.add("--server.port=0");
        args.addAll(Arrays.asList(extraArgs));
        return new SpringApplicationBuilder(BookstoreServiceApplication.class).web(web)
                .run(args.toArray(String[]::new));
    }

    /**
     * The ids of the revisions in the db-migrations jar on the class path: one changeset per file, id = file name
     * (see the Migrations section of the README).
     */
    static List<String> revisionsInTheMigrationsJar() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/changelog/changes/*.xml");
            List<String> ids = new ArrayList<>();
            for (Resource file : files) {
                ids.add(file.getFilename().replaceFirst("\\.xml$", ""));
            }
            ids.sort(null);
            if (ids.isEmpty()) {
                throw new IllegalStateException("no revision found on the class path: is db-migrations a dependency?");
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
