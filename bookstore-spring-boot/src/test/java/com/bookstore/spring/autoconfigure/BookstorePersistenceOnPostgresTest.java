package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auto-configuration in a Boot application on PostgreSQL (one embedded server for the class), connecting as a role
 * with a password through a {@code postgresql://user:password@...} URL, as a deployed service does.
 */
@ExtendWith(OutputCaptureExtension.class)
class BookstorePersistenceOnPostgresTest {

    private static final String PASSWORD = "Rw7-secret-in-url";

    private static ScratchDatabases databases;
    private static DatabaseSettings admin;

    @BeforeAll
    static void startServer() throws SQLException {
        databases = ScratchDatabases.forTests();
        admin = databases.create("boot_admin");
        execute(admin, "do $$ begin if not exists (select from pg_roles where rolname = 'boot_app') then "
                + "create role boot_app login password '" + PASSWORD + "'; end if; end $$");
    }

    @AfterAll
    static void stopServer() {
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void migrates_at_start_up_before_jpa_then_validates_and_serves_from_the_project_pool(CapturedOutput output)
            throws SQLException {
        DatabaseSettings database = databaseOwnedByTheApp("boot_migrate");
        try (ConfigurableApplicationContext context = start(database, "--bookstore.persistence.migrate-on-startup=true",
                "--spring.jpa.hibernate.ddl-auto=validate", "--database.pool.max.size=3",
                "--bookstore.persistence.pool-name=orders-pool")) {
            List<String> applied = context.getBean(StartupMigration.class).appliedChangeSets();
            assertThat(applied).isNotEmpty();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertEquals(applied, jdbc.queryForList("select id from databasechangelog order by orderexecuted",
                    String.class));
            assertEquals("boot_app", jdbc.queryForObject("select current_user", String.class));

            String[] dependsOn = context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn();
            assertThat(dependsOn).as("the EntityManagerFactory waits for the migration")
                    .contains("bookstoreStartupMigration");
            assertEquals("validate", context.getBean(EntityManagerFactory.class).getProperties()
                    .get("hibernate.hbm2ddl.auto"));

            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertEquals("orders-pool", pool.getPoolName());
            assertEquals(3, pool.getMaximumPoolSize());
            assertEquals(false, pool.isAutoCommit());
            assertThat(pool.getJdbcUrl()).doesNotContain(PASSWORD);
            assertThat(context.getBeanNamesForType(liquibaseBeanType())).as("Boot's own Liquibase stays off").isEmpty();
        }
        assertThat(output.getAll()).contains("Migrated postgresql://boot_app:****@localhost:")
                .doesNotContain(PASSWORD);
    }

    @Test
    void without_the_property_nothing_is_migrated_and_validate_fails_on_the_empty_schema(CapturedOutput output)
            throws SQLException {
        DatabaseSettings database = databaseOwnedByTheApp("boot_no_migrate");
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> start(database, "--spring.jpa.hibernate.ddl-auto=validate").close());
        assertThat(messages(failure)).contains("missing table");
        assertEquals(0, countTables(database), "nothing was created");
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void hibernate_ddl_auto_update_is_refused_at_start_up() throws SQLException {
        DatabaseSettings database = databaseOwnedByTheApp("boot_update");
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> start(database, "--spring.jpa.hibernate.ddl-auto=update").close());
        assertThat(messages(failure)).contains("Hibernate is configured to change the schema (hibernate.hbm2ddl.auto=update)");
        assertEquals(0, countTables(database), "nothing was created");
    }

    @Test
    void a_jpa_mapping_file_is_refused_at_start_up() throws SQLException {
        DatabaseSettings database = databaseOwnedByTheApp("boot_orm_xml");
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> start(database, "--spring.jpa.mapping-resources=META-INF/refused-orm.xml").close());
        assertThat(messages(failure)).contains("reads the mapping file(s) META-INF/refused-orm.xml")
                .contains("the migrations build the schema from the entity registry's annotated classes");
    }

    @Test
    void a_database_with_revisions_this_build_does_not_know_is_refused_at_start_up() throws SQLException {
        DatabaseSettings database = databaseOwnedByTheApp("boot_newer");
        start(database, "--bookstore.persistence.migrate-on-startup=true").close();
        execute(database, "insert into databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype) "
                + "values ('29991231000000_from_the_future', 'newer-build', 'db/changelog/changes/"
                + "29991231000000_from_the_future.xml', now(), 99, 'EXECUTED')");
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> start(database, "--bookstore.persistence.migrate-on-startup=true").close());
        assertThat(messages(failure)).contains("Migrating postgresql://boot_app:****@localhost:")
                .contains("was refused, nothing applied: Refused: the database has 1 applied revision(s)")
                .contains("29991231000000_from_the_future").doesNotContain(PASSWORD)
                .doesNotContain("Nothing of the failed revision");
    }

    private static ConfigurableApplicationContext start(DatabaseSettings database, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--database.url=postgresql://boot_app:" + PASSWORD + "@" + database.host() + ":" + database.port()
                + "/" + database.database());
        return new SpringApplicationBuilder(Service.class).web(WebApplicationType.NONE).run(all.toArray(String[]::new));
    }

    /** A fresh database owned by the password role, so that the application connects as a deployed service does. */
    private static DatabaseSettings databaseOwnedByTheApp(String purpose) throws SQLException {
        DatabaseSettings database = databases.create(purpose);
        execute(database, "alter database " + database.database() + " owner to boot_app");
        execute(database, "alter schema public owner to boot_app");
        return database.withCredentials("boot_app", PASSWORD);
    }

    private static int countTables(DatabaseSettings database) throws SQLException {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("select count(*) from information_schema.tables where table_schema = 'public'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(DatabaseSettings database, String sql) throws SQLException {
        DatabaseSettings asAdmin = database.withCredentials(admin.user(), admin.password());
        try (Connection connection = MigrationConnections.unpooled(asAdmin).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static Class<?> liquibaseBeanType() {
        try {
            return Class.forName("liquibase.integration.spring.SpringLiquibase");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("liquibase-core should be on the class path (db-migrations brings it)", e);
        }
    }

    /** A Boot service with nothing but auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {
    }
}
