package com.bookstore.db.migrations.hibernate;

import com.bookstore.db.core.mapping.SchemaMapping;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.spi.EntityContributor;
import liquibase.Scope;
import liquibase.database.DatabaseConnection;
import liquibase.exception.DatabaseException;
import liquibase.ext.hibernate.database.HibernateDatabase;
import liquibase.ext.hibernate.database.connection.HibernateConnection;
import liquibase.ext.hibernate.database.connection.HibernateDriver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The Hibernate model of our entity registry as a Liquibase reference database, so that {@code mvn liquibase:diff}
 * compares a live database with exactly what the runtime maps: no {@code persistence.xml}, no package scanning.
 *
 * <p>URLs:
 * <ul>
 *   <li>{@code registry:bookstore}: every {@link EntityContributor} that {@code META-INF/services} declares on the
 *       class path (the same discovery as the runtime, {@link EntityRegistry#discover(ClassLoader)});</li>
 *   <li>{@code registry:bookstore?contributors=com.example.A,com.example.B}: only the named contributor classes,
 *       instantiated directly (they need not be declared in {@code META-INF/services}); for tests and for diffing one
 *       module.</li>
 * </ul>
 *
 * <p>The metadata is built by {@link SchemaMapping#metadata(EntityRegistry, StandardServiceRegistry)} with
 * {@link SchemaMapping#hibernateProperties()}: PostgreSQL dialect and our naming strategies, as at run time. Building
 * it here (rather than through liquibase-hibernate's {@code CustomMetadataFactory} hook) also sets the
 * {@link #getDialect() dialect} that liquibase-hibernate's column snapshot needs.
 *
 * <p>Opening a registry database also registers {@link PostgresSnapshotAlignment}, which aligns liquibase-hibernate's
 * snapshot of the model with what PostgreSQL holds after Hibernate's DDL (index method, column type spelling,
 * constraint names, foreign key rules, identity columns), so that a matching database diffs empty.
 *
 * <p>Registered through {@code META-INF/services/liquibase.database.Database}; Liquibase picks it for every URL that
 * starts with {@value #URL_PREFIX}.
 */
public class RegistryHibernateDatabase extends HibernateDatabase {

    /** The URL scheme of this reference database. */
    public static final String URL_PREFIX = "registry:";

    /** The URL parameter naming the contributor classes to use instead of ServiceLoader discovery. */
    public static final String CONTRIBUTORS_PARAMETER = "contributors";

    private StandardServiceRegistry services;
    private EntityRegistry registry;

    @Override
    public boolean isCorrectDatabaseImplementation(DatabaseConnection conn) throws DatabaseException {
        return conn.getURL() != null && conn.getURL().startsWith(URL_PREFIX);
    }

    /**
     * liquibase-hibernate's driver wraps any URL into a {@link HibernateConnection} (prefix, path, query parameters);
     * it is only chosen by the URL's scheme, so ours has to name it.
     */
    @Override
    public String getDefaultDriver(String url) {
        if (url != null && url.startsWith(URL_PREFIX)) {
            return HibernateDriver.class.getName();
        }
        return null;
    }

    @Override
    public String getShortName() {
        return "registryHibernate";
    }

    @Override
    protected String getDefaultDatabaseProductName() {
        return "Bookstore entity registry";
    }

    /** The registry the metadata was built from. */
    public EntityRegistry registry() {
        return registry;
    }

    @Override
    public void setConnection(DatabaseConnection conn) {
        PostgresSnapshotAlignment.register();
        super.setConnection(conn);
    }

    @Override
    protected Metadata buildMetadataFromPath() throws DatabaseException {
        HibernateConnection connection = getHibernateConnection();
        String name = connection.getPath();
        if (name == null || name.isBlank()) {
            throw new DatabaseException("The reference URL " + connection.getUrl() + " names no model; write "
                    + URL_PREFIX + "bookstore");
        }
        // The class loader that loaded this class (and so Hibernate, db-core and liquibase-hibernate as we link them),
        // for the entity contributors and every Hibernate lookup. The Maven plugin builds several class loaders over
        // the same project class path and sets another one as context class loader; Hibernate then finds service
        // implementations of its own interfaces loaded twice ("not a subtype").
        ClassLoader classLoader = RegistryHibernateDatabase.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            this.registry = registry(connection.getProperties().getProperty(CONTRIBUTORS_PARAMETER), classLoader);
            Scope.getCurrentScope().getLog(getClass()).info("Reading the entity registry " + registry);
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(classLoader).build();
            this.services = new StandardServiceRegistryBuilder(bootstrap)
                    .applySettings(SchemaMapping.hibernateProperties())
                    // never touch a database: there is none behind this URL
                    .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                    .applySetting(HIBERNATE_TEMP_USE_JDBC_METADATA_DEFAULTS, "false")
                    .applySetting("hibernate.cache.use_second_level_cache", "false")
                    .build();
            Metadata metadata = SchemaMapping.metadata(registry, services);
            // The dialect Hibernate really used, so that liquibase-hibernate's snapshot renders the same SQL types.
            this.dialect = metadata.getDatabase().getDialect();
            return metadata;
        } catch (RuntimeException e) {
            closeServices();
            throw new DatabaseException("Cannot build the Hibernate model of the entity registry"
                    + (registry == null ? "" : " " + registry) + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static EntityRegistry registry(String contributors, ClassLoader classLoader) throws DatabaseException {
        if (contributors == null || contributors.isBlank()) {
            return EntityRegistry.discover(classLoader);
        }
        List<EntityContributor> list = new ArrayList<>();
        for (String className : contributors.split(",")) {
            String trimmed = className.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            list.add(instantiate(trimmed, classLoader));
        }
        return EntityRegistry.of(list);
    }

    private static EntityContributor instantiate(String className, ClassLoader classLoader) throws DatabaseException {
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException e) {
            throw new DatabaseException("Entity contributor " + className + " (from the " + CONTRIBUTORS_PARAMETER
                    + " parameter of the reference URL) is not on the class path", e);
        }
        if (!EntityContributor.class.isAssignableFrom(type)) {
            throw new DatabaseException(className + " (from the " + CONTRIBUTORS_PARAMETER
                    + " parameter of the reference URL) does not implement " + EntityContributor.class.getName());
        }
        try {
            return (EntityContributor) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new DatabaseException("Cannot instantiate entity contributor " + className
                    + "; it needs a public no-argument constructor: " + e, e);
        }
    }

    @Override
    public void close() throws DatabaseException {
        try {
            super.close();
        } finally {
            closeServices();
        }
    }

    private void closeServices() {
        if (services != null) {
            StandardServiceRegistryBuilder.destroy(services);
            services = null;
        }
    }

    /** Not used: {@link #buildMetadataFromPath()} builds the metadata from the registry directly. */
    @Override
    protected void configureSources(MetadataSources sources) {
        throw new UnsupportedOperationException("the registry database builds its metadata from the entity registry");
    }
}
