package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.ConnectionPools;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.MigrationTimeouts;
import com.bookstore.db.core.settings.PoolSettings;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import javax.sql.DataSource;

/**
 * The bookstore persistence layer in a Spring Boot service. Runs before Boot's DataSource, JPA and Liquibase
 * auto-configurations, so that Boot's own beans back off in favour of these; each of these backs off in turn when the
 * service defines a bean of the same type (or, for the customizer, of the same name).
 *
 * <ul>
 *   <li>{@link DatabaseSettings} from {@code DATABASE_URL} (fails the start-up, with the project's message, when it is
 *       missing or malformed);</li>
 *   <li>the {@link DataSource}: HikariCP built by {@link ConnectionPools} with the {@code DATABASE_POOL_*} settings
 *       ({@code spring.datasource.*} is not read, and setting {@code spring.datasource.url} is refused);</li>
 *   <li>{@link EntityRegistry#discover(ClassLoader)} and the {@link PersistenceManagedTypes} of its entities;</li>
 *   <li>{@code SchemaMapping}'s Hibernate settings ({@link SchemaMappingCustomizer});</li>
 *   <li>no JPA mapping files ({@link MappingFileRefusal});</li>
 *   <li>no entity the registry does not list in the registry's persistence unit ({@link UnregisteredEntityRefusal});</li>
 *   <li>with {@code bookstore.persistence.migrate-on-startup=true}: {@link StartupMigration}, on which the
 *       {@code EntityManagerFactory} depends.</li>
 * </ul>
 */
@AutoConfiguration(before = {DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class},
        beforeName = "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration")
@ConditionalOnClass({LocalContainerEntityManagerFactoryBean.class, HikariDataSource.class})
@ConditionalOnProperty(prefix = BookstorePersistenceProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(BookstorePersistenceProperties.class)
public class BookstorePersistenceAutoConfiguration implements BeanClassLoaderAware {

    /** The name of the {@link SchemaMappingCustomizer} bean; define a bean of this name to replace it. */
    public static final String SCHEMA_MAPPING_CUSTOMIZER = "bookstoreSchemaMappingCustomizer";

    private ClassLoader classLoader = BookstorePersistenceAutoConfiguration.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader beanClassLoader) {
        this.classLoader = beanClassLoader;
    }

    @Bean
    @ConditionalOnMissingBean
    public DatabaseSettings bookstoreDatabaseSettings(Environment environment) {
        return DatabaseSettings.from(new SpringConfigSource(environment));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    public HikariDataSource dataSource(DatabaseSettings settings, Environment environment,
            BookstorePersistenceProperties properties) {
        String springUrl = environment.getProperty("spring.datasource.url");
        if (springUrl != null && !springUrl.isBlank()) {
            throw new IllegalStateException("spring.datasource.url is set, but the bookstore DataSource is built from "
                    + "DATABASE_URL (" + settings.maskedUrl() + ") and the DATABASE_POOL_* settings; "
                    + "spring.datasource.* is not read. Remove spring.datasource.url (set DATABASE_URL or database.url "
                    + "instead), or define your own DataSource bean.");
        }
        return ConnectionPools.create(properties.getPoolName(), settings,
                PoolSettings.from(new SpringConfigSource(environment)));
    }

    @Bean
    @ConditionalOnMissingBean
    public EntityRegistry bookstoreEntityRegistry() {
        return EntityRegistry.discover(classLoader);
    }

    @Bean
    @ConditionalOnMissingBean
    public PersistenceManagedTypes persistenceManagedTypes(EntityRegistry registry) {
        return PersistenceManagedTypes.of(registry.managedClassNames(), registry.mappedPackages());
    }

    @Bean(SCHEMA_MAPPING_CUSTOMIZER)
    @ConditionalOnMissingBean(name = SCHEMA_MAPPING_CUSTOMIZER)
    public HibernatePropertiesCustomizer bookstoreSchemaMappingCustomizer() {
        return new SchemaMappingCustomizer();
    }

    /** Static: a bean post-processor must not need its configuration class instantiated. */
    @Bean
    static MappingFileRefusal bookstoreMappingFileRefusal() {
        return new MappingFileRefusal();
    }

    /** Static, as above. */
    @Bean
    static UnregisteredEntityRefusal bookstoreUnregisteredEntityRefusal() {
        return new UnregisteredEntityRefusal();
    }

    /** The upgrade at start-up, and the JPA start waiting for it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.bookstore.db.migrations.apply.ChangelogRunner")
    @ConditionalOnProperty(prefix = BookstorePersistenceProperties.PREFIX, name = "migrate-on-startup",
            havingValue = "true")
    static class StartupMigrationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        StartupMigration bookstoreStartupMigration(DatabaseSettings settings, Environment environment) {
            return StartupMigration.fromClasspath(settings, MigrationTimeouts.from(new SpringConfigSource(environment)));
        }

        /** Static: a bean factory post-processor must not need its configuration class instantiated. */
        @Bean
        static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryDependsOnStartupMigration() {
            return new EntityManagerFactoryDependsOnPostProcessor(StartupMigration.class);
        }
    }
}
