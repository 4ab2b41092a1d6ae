package com.bookstore.example;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.spring.autoconfigure.StartupMigration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the service start at the same moment on one empty database (a deploy of two replicas): both come
 * up, the migration advisory lock lets one apply the revisions while the other waits and then finds nothing pending,
 * and every changeset is recorded once.
 */
class ConcurrentStartupTest {

    @Test
    void two_instances_starting_together_on_an_empty_database_both_start_and_apply_each_changeset_once()
            throws Exception {
        List<String> revisions = ServiceUnderTest.revisionsInTheMigrationsJar();
        // Replicas have a JVM each; these two share this one, and with it Logback's context, which Spring Boot's
        // logging initialisation is not written to set up from two threads at once (a ConcurrentModificationException
        // in LoggerContext.putProperty was seen in CI). Nothing here reads the log.
        String loggingSystem = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try (ScratchDatabases databases = ScratchDatabases.forTests()) {
            DatabaseSettings database = databases.create("two_instances");
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<ConfigurableApplicationContext> started = new ArrayList<>();
            try {
                List<Future<ConfigurableApplicationContext>> instances = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    instances.add(threads.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return ServiceUnderTest.start(database, WebApplicationType.NONE);
                    }));
                }
                for (Future<ConfigurableApplicationContext> instance : instances) {
                    started.add(instance.get(3, TimeUnit.MINUTES));
                }

                List<Integer> appliedByEach = new ArrayList<>();
                for (ConfigurableApplicationContext context : started) {
                    assertTrue(context.isActive() && context.isRunning(), "both instances are up");
                    appliedByEach.add(context.getBean(StartupMigration.class).appliedChangeSets().size());
                }
                appliedByEach.sort(null);
                assertEquals(List.of(0, revisions.size()), appliedByEach,
                        "one instance applied every revision, the other waited for the lock and found none pending");

                JdbcTemplate jdbc = started.get(0).getBean(JdbcTemplate.class);
                assertEquals(revisions.size(), jdbc.queryForObject("select count(*) from databasechangelog",
                        Integer.class), "one row per changeset");
                assertEquals(List.of(), jdbc.queryForList("select id from databasechangelog "
                        + "group by id, author, filename having count(*) > 1", String.class), "no changeset twice");
                assertEquals(revisions, jdbc.queryForList("select id from databasechangelog order by id",
                        String.class));
                for (ConfigurableApplicationContext context : started) {
                    assertEquals(0L, context.getBean(com.bookstore.example.books.BookRepository.class).count(),
                            "each instance's JPA works on the migrated schema");
                }
            } finally {
                started.forEach(ConfigurableApplicationContext::close);
                threads.shutdownNow();
            }
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
            }
        }
    }
}
