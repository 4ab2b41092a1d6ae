package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.spi.EntityContributor;
import com.bookstore.db.migrations.cli.ExitCode;
import com.bookstore.db.migrations.failures.FailureHarness.Run;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.bookstore.db.migrations.failures.FailureHarness.PASSWORD;
import static com.bookstore.db.migrations.failures.FailureHarness.assertFailure;
import static com.bookstore.db.migrations.failures.FailureHarness.assertNoSecret;
import static com.bookstore.db.migrations.failures.FailureHarness.changelog;
import static com.bookstore.db.migrations.failures.FailureHarness.migrate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An entity model that cannot be mapped, given to {@code check} and {@code generate}: exit 2 and one paragraph naming
 * the class (and the field). The shadow database of each command is private, so no database is configured; the
 * password in the environment must still never be printed.
 * Not repeated here (see MigrateCliTest): {@code generate} with an empty or unusable {@code -m}, {@code rollback
 * --count} larger than the history.
 */
@Timeout(90)
class RegistryFailuresTest {

    @TempDir
    Path dir;

    private Path changelogRoot;

    @org.junit.jupiter.api.BeforeEach
    void copyChangelog() {
        changelogRoot = changelog("race", dir);
    }

    private static final Map<String, String> ENV = Map.of("DATABASE_PASSWORD", PASSWORD, "MIGRATIONS_AUTHOR", "failures-test");

    private Run run(Supplier<EntityRegistry> registry, String... args) {
        return migrate(ENV, registry, changelogRoot, args);
    }

    @Test
    void an_entity_with_a_field_of_type_object_is_named_with_its_field() {
        for (String[] command : List.of(new String[] {"check"}, new String[] {"generate", "-m", "object field"})) {
            Run run = run(() -> EntityRegistry.of(new RaceModel(), contributor(WithObjectField.class)), command);
            String message = assertFailure(run, ExitCode.USAGE_OR_CONFIGURATION, WithObjectField.class.getName(), "payload");
            System.out.println("[" + command[0] + "] " + message);
            assertNoSecret(run, PASSWORD);
        }
        assertEquals(3, dir.resolve("db/changelog/changes").toFile().list().length, "generate must write nothing");
    }

    @Test
    void an_entity_with_a_many_to_one_to_a_non_entity_is_named_with_its_field() {
        for (String[] command : List.of(new String[] {"check"}, new String[] {"generate", "-m", "bad association"})) {
            Run run = run(() -> EntityRegistry.of(new RaceModel(), contributor(WithAssociationToNonEntity.class)), command);
            String message = assertFailure(run, ExitCode.USAGE_OR_CONFIGURATION,
                    WithAssociationToNonEntity.class.getName(), "owner", NotAnEntity.class.getName());
            System.out.println("[" + command[0] + "] " + message);
            assertNoSecret(run, PASSWORD);
        }
    }

    @Test
    void two_contributors_mapping_the_same_table_are_both_named() {
        for (String[] command : List.of(new String[] {"check"}, new String[] {"generate", "-m", "same table"})) {
            Run run = run(() -> EntityRegistry.of(new RaceModel(), contributor(AlphaShelf.class), contributor(BetaShelf.class)),
                    command);
            String message = assertFailure(run, ExitCode.USAGE_OR_CONFIGURATION, AlphaShelf.class.getName(),
                    BetaShelf.class.getName(), "shared_shelf");
            System.out.println("[" + command[0] + "] " + message);
            assertFalse(run.err().contains("shadow"), () -> "the registry is refused before any shadow database: " + run);
            assertNoSecret(run, PASSWORD);
        }
    }

    private static EntityContributor contributor(Class<?> entity) {
        return new EntityContributor() {
            @Override
            public String moduleName() {
                return "broken_" + entity.getSimpleName().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public List<Class<?>> entityClasses() {
                return List.of(entity);
            }
        };
    }

    /** An entity with a field no column type fits. */
    @Entity
    @Table(name = "with_object_field")
    public static class WithObjectField {
        @Id
        Long id;
        Object payload;
    }

    /** Not an entity. */
    public static class NotAnEntity {
        Long id;
    }

    /** An entity whose association targets a class that is not an entity. */
    @Entity
    @Table(name = "with_association")
    public static class WithAssociationToNonEntity {
        @Id
        Long id;
        @ManyToOne
        NotAnEntity owner;
    }

    /** First of two entities on one table. */
    @Entity
    @Table(name = "shared_shelf")
    public static class AlphaShelf {
        @Id
        Long id;
    }

    /** Second of two entities on one table. */
    @Entity
    @Table(name = "shared_shelf")
    public static class BetaShelf {
        @Id
        Long id;
    }
}
