package com.bookstore.db.core.runtime;

import com.bookstore.db.core.mapping.SchemaMapping;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.PoolSettings;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A service's persistence at run time: the pool and the {@link EntityManagerFactory} of the registry's entities, with
 * the schema settings of {@link SchemaMapping}. Hibernate never creates or alters tables here; the changelogs do.
 *
 * <pre>{@code
 * try (PersistenceRuntime persistence = PersistenceRuntime.start(EntityRegistry.discover())) {
 *     EntityManagerFactory emf = persistence.entityManagerFactory();
 * }
 * }</pre>
 */
public final class PersistenceRuntime implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;

    private PersistenceRuntime(HikariDataSource dataSource, SessionFactory sessionFactory) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
    }

    /** Starts with settings from {@code DATABASE_URL} and the pool variables, in the standard lookup order. */
    public static PersistenceRuntime start(EntityRegistry registry) {
        ConfigSource source = ConfigSource.standard(Path.of(""));
        return start(registry, DatabaseSettings.from(source), PoolSettings.from(source), Map.of());
    }

    /**
     * Starts with the given settings. {@code extraProperties} may tune Hibernate's behaviour (batch sizes, statistics)
     * and ask for {@code hibernate.hbm2ddl.auto=validate}; schema-shaping settings always come from
     * {@link SchemaMapping}: another value for one of its own is refused, and so is any other
     * ({@link SchemaMapping#FOREIGN_SCHEMA_SETTINGS}) and a schema action that changes the schema.
     */
    public static PersistenceRuntime start(EntityRegistry registry, DatabaseSettings database, PoolSettings pool,
            Map<String, Object> extraProperties) {
        SchemaMapping.requireOwnSettingsUnchanged(extraProperties, Map.of(),
                "from the extra properties of PersistenceRuntime.start");
        Map<String, Object> schemaActions = new java.util.HashMap<>(SchemaMapping.schemaActions(extraProperties, "Set hibernate.hbm2ddl.auto "
                + "to validate or none in the extra properties, and apply schema changes with ./migrate upgrade."));
        HikariDataSource dataSource = ConnectionPools.create("bookstore", database, pool);
        try {
            StandardServiceRegistry services = new StandardServiceRegistryBuilder()
                    .applySettings(extraProperties)
                    .applySettings(SchemaMapping.hibernateProperties())
                    .applySettings(schemaActions)
                    .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                    .build();
            try {
                SessionFactory sessionFactory = SchemaMapping.metadata(registry, services).buildSessionFactory();
                return new PersistenceRuntime(dataSource, sessionFactory);
            } catch (RuntimeException e) {
                StandardServiceRegistryBuilder.destroy(services);
                throw e;
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Runs {@code work} in a new {@link EntityManager} and transaction: committed when {@code work} returns, rolled back
     * when it throws (or when the commit fails), the entity manager closed either way.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = sessionFactory.createEntityManager();
        try {
            entityManager.getTransaction().begin();
            T result = work.apply(entityManager);
            entityManager.getTransaction().commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollBackQuietly(entityManager, e);
            throw e;
        } finally {
            entityManager.close();
        }
    }

    private static void rollBackQuietly(EntityManager entityManager, Throwable cause) {
        try {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure); // the caller must see why the work failed, not why the rollback did
        }
    }

    /** {@link #inTransaction(Function)} for work without a result. */
    public void runInTransaction(Consumer<EntityManager> work) {
        inTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    public EntityManagerFactory entityManagerFactory() {
        return sessionFactory;
    }

    /** The application pool, e.g. for plain JDBC next to JPA. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            dataSource.close();
        }
    }
}
