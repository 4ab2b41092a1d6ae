package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.spring.autoconfigure.generators.Widget;
import com.bookstore.spring.autoconfigure.generators.WidgetEntities;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.SettingsException;
import com.bookstore.domain.auth.AuthEntities;
import com.bookstore.domain.auth.model.UserAccount;
import com.bookstore.domain.catalog.model.Book;
import com.bookstore.domain.orders.model.CustomerOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auto-configuration's beans, its back-off and its refusals, without a database (the data source is the test's
 * own, unconnected one, or start-up fails before connecting). {@link BookstorePersistenceOnPostgresTest} starts it on
 * PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class BookstorePersistenceAutoConfigurationTest {

    private static final String PASSWORD = "Pa55-never-printed";

    /** The auto-configuration as Boot loads it, with the process environment hidden (a CI DATABASE_URL must not count). */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> context.getEnvironment().getPropertySources()
                    .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
            .withConfiguration(AutoConfigurations.of(BookstorePersistenceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class));

    @Test
    void the_managed_types_are_the_registrys_entities_without_scanning() {
        runner.withUserConfiguration(OwnDataSource.class)
                .withPropertyValues("database.url=postgresql://app:" + PASSWORD + "@db.internal:5432/bookstore")
                .run(context -> {
                    PersistenceManagedTypes types = context.getBean(PersistenceManagedTypes.class);
                    assertEquals(EntityRegistry.discover().managedClassNames(), types.getManagedClassNames());
                    assertThat(types.getManagedClassNames()).contains(Book.class.getName(),
                            UserAccount.class.getName(), CustomerOrder.class.getName());
                    assertThat(types.getManagedPackages()).isEmpty();
                    assertThat(context.getBean(DatabaseSettings.class).maskedUrl())
                            .isEqualTo("postgresql://app:****@db.internal:5432/bookstore");
                    assertThat(context).doesNotHaveBean(StartupMigration.class);
                });
    }

    @Test
    void every_bean_backs_off_when_the_service_defines_its_own() {
        runner.withUserConfiguration(OwnDataSource.class, OwnPersistenceBeans.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DataSource.class)).isSameAs(context.getBean("ownDataSource"));
                    assertThat(context.getBean(DatabaseSettings.class).database()).isEqualTo("own");
                    assertThat(context.getBean(EntityRegistry.class).moduleNames()).hasSize(1);
                    assertThat(context.getBean(PersistenceManagedTypes.class).getManagedClassNames())
                            .containsExactly("com.example.Own");
                    assertThat(context.getBean(BookstorePersistenceAutoConfiguration.SCHEMA_MAPPING_CUSTOMIZER))
                            .isSameAs(OwnPersistenceBeans.CUSTOMIZER);
                });
    }

    @Test
    void the_managed_types_follow_a_registry_the_service_defines() {
        runner.withUserConfiguration(OwnDataSource.class, OwnRegistry.class)
                .withPropertyValues("database.url=postgresql://localhost/bookstore")
                .run(context -> assertEquals(EntityRegistry.of(new AuthEntities()).managedClassNames(),
                        context.getBean(PersistenceManagedTypes.class).getManagedClassNames()));
    }

    @Test
    void the_managed_types_carry_the_packages_whose_package_info_maps_something() {
        runner.withUserConfiguration(OwnDataSource.class, WidgetRegistry.class)
                .withPropertyValues("database.url=postgresql://localhost/bookstore")
                .run(context -> {
                    PersistenceManagedTypes types = context.getBean(PersistenceManagedTypes.class);
                    assertThat(types.getManagedClassNames()).containsExactly(Widget.class.getName());
                    assertThat(types.getManagedPackages()).containsExactly(Widget.class.getPackageName());
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class WidgetRegistry {
        @Bean
        EntityRegistry widgetRegistry() {
            return EntityRegistry.of(new WidgetEntities());
        }
    }

    @Test
    void bookstore_persistence_enabled_false_turns_everything_off() {
        runner.withUserConfiguration(OwnDataSource.class)
                .withPropertyValues("bookstore.persistence.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DatabaseSettings.class);
                    assertThat(context).doesNotHaveBean(PersistenceManagedTypes.class);
                });
    }

    @Test
    void a_missing_database_url_fails_with_the_projects_one_paragraph_message() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            SettingsException failure = rootCause(context.getStartupFailure(), SettingsException.class);
            assertEquals("DATABASE_URL", failure.variable());
            assertThat(failure.getMessage()).startsWith("DATABASE_URL is not set. Set it in the environment variable "
                    + "DATABASE_URL, the Spring or system property database.url or ")
                    .endsWith("e.g. postgresql://user:password@localhost:5432/bookstore.")
                    .doesNotContain("\n");
            FailureAnalysis analysis = new PersistenceStartupFailureAnalyzer().analyze(context.getStartupFailure());
            assertEquals(failure.getMessage(), analysis.getDescription());
            assertThat(analysis.getAction()).startsWith("Set DATABASE_URL");
        });
    }

    @Test
    void a_service_without_database_url_does_not_start_and_boot_prints_the_message(CapturedOutput output) {
        SpringApplication application = new SpringApplication(MinimalService.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        application.setEnvironment(environment);
        assertThrows(RuntimeException.class, application::run);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("DATABASE_URL is not set. Set it in the environment variable DATABASE_URL")
                .contains("Set DATABASE_URL (see the Configuration section");
    }

    @Test
    void a_malformed_database_url_is_reported_without_its_password(CapturedOutput output) {
        runner.withPropertyValues("database.url=postgresql://app:" + PASSWORD + "@db.internal:port/bookstore")
                .run(context -> {
                    assertThat(context).hasFailed();
                    SettingsException failure = rootCause(context.getStartupFailure(), SettingsException.class);
                    assertThat(failure.getMessage()).contains("DATABASE_URL").doesNotContain(PASSWORD);
                });
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void the_start_up_migration_reads_its_timeouts_from_the_spring_environment_and_refuses_a_malformed_one() {
        runner.withUserConfiguration(OwnDataSource.class)
                .withPropertyValues("database.url=postgresql://app:" + PASSWORD + "@db.internal:5432/bookstore",
                        "bookstore.persistence.migrate-on-startup=true", "migration.lock.timeout=5 seconds")
                .run(context -> {
                    assertThat(context).hasFailed();
                    SettingsException failure = rootCause(context.getStartupFailure(), SettingsException.class);
                    assertEquals("MIGRATION_LOCK_TIMEOUT", failure.variable());
                    assertThat(failure.getMessage()).startsWith("MIGRATION_LOCK_TIMEOUT is '5 seconds'")
                            .contains("e.g. MIGRATION_LOCK_TIMEOUT=5s").doesNotContain(PASSWORD);
                });
    }

    @Test
    void spring_datasource_url_is_refused_rather_than_silently_ignored() {
        runner.withPropertyValues("database.url=postgresql://app:" + PASSWORD + "@localhost:5432/bookstore",
                        "spring.datasource.url=jdbc:postgresql://elsewhere/db")
                .run(context -> {
                    assertThat(context).hasFailed();
                    IllegalStateException failure = rootCause(context.getStartupFailure(), IllegalStateException.class);
                    assertThat(failure.getMessage()).startsWith("spring.datasource.url is set, but the bookstore "
                            + "DataSource is built from DATABASE_URL (postgresql://app:****@localhost:5432/bookstore)")
                            .doesNotContain(PASSWORD);
                });
    }

    @Test
    void the_customizer_applies_schema_mapping_over_boots_naming_defaults() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming."
                + "CamelCaseToUnderscoresNamingStrategy");
        properties.put("hibernate.hbm2ddl.auto", "validate");
        new SchemaMappingCustomizer().customize(properties);
        assertEquals("com.bookstore.db.core.mapping.SnakeCasePhysicalNamingStrategy",
                properties.get("hibernate.physical_naming_strategy"));
        assertEquals("com.bookstore.db.core.mapping.ConventionalImplicitNamingStrategy",
                properties.get("hibernate.implicit_naming_strategy"));
        assertEquals("UTC", properties.get("hibernate.jdbc.time_zone"));
        assertEquals("validate", properties.get("hibernate.hbm2ddl.auto"), "validate is the service's choice");
        assertEquals("validate", properties.get("jakarta.persistence.schema-generation.database.action"),
                "Hibernate reads this one first: it must not turn validate off");
        assertEquals("none", properties.get("jakarta.persistence.schema-generation.scripts.action"));

        Map<String, Object> defaults = new HashMap<>();
        new SchemaMappingCustomizer().customize(defaults);
        assertEquals("none", defaults.get("hibernate.hbm2ddl.auto"));
        assertEquals("none", defaults.get("jakarta.persistence.schema-generation.database.action"));
    }

    @Test
    void a_schema_shaping_hibernate_property_the_migrations_cannot_see_is_refused() {
        Map<String, Object> properties = new HashMap<>(Map.of("hibernate.default_schema", "reporting",
                "hibernate.jdbc.batch_size", "50"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new SchemaMappingCustomizer().customize(properties));
        assertThat(refused.getMessage()).startsWith("The Hibernate setting(s) hibernate.default_schema=reporting change "
                + "the schema").contains("SchemaMapping").contains("@Table(schema");
        Map<String, Object> tuning = new HashMap<>(Map.of("hibernate.jdbc.batch_size", "50"));
        new SchemaMappingCustomizer().customize(tuning);
        assertEquals("50", tuning.get("hibernate.jdbc.batch_size"), "tuning properties pass");
    }

    @Test
    void a_service_value_for_a_setting_schema_mapping_owns_is_refused_not_replaced_in_silence() {
        for (Map.Entry<String, String> chosen : Map.of(
                "hibernate.jdbc.time_zone", "Europe/Paris",
                "hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
                "hibernate.dialect", "org.hibernate.dialect.H2Dialect").entrySet()) {
            Map<String, Object> properties = new HashMap<>(Map.of(chosen.getKey(), chosen.getValue()));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new SchemaMappingCustomizer().customize(properties));
            assertThat(refused.getMessage()).startsWith("The service sets " + chosen.getKey() + "=" + chosen.getValue())
                    .contains("come from SchemaMapping");
        }
        Map<String, Object> same = new HashMap<>(Map.of("hibernate.jdbc.time_zone", "UTC",
                "hibernate.implicit_naming_strategy", "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy"));
        new SchemaMappingCustomizer().customize(same);
        assertEquals("com.bookstore.db.core.mapping.ConventionalImplicitNamingStrategy",
                same.get("hibernate.implicit_naming_strategy"), "Boot's default is replaced");
    }

    @Test
    void mapping_files_are_refused_only_for_the_persistence_unit_of_the_registrys_entities() {
        MappingFileRefusal refusal = withAuthRegistry(new MappingFileRefusal());

        LocalContainerEntityManagerFactoryBean bookstore = unit(UserAccount.class.getName());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> refusal.postProcessAfterInitialization(bookstore, "entityManagerFactory"));
        assertThat(refused.getMessage()).contains("bean 'entityManagerFactory' reads the mapping file(s) META-INF/orm.xml");

        LocalContainerEntityManagerFactoryBean legacy = unit("com.example.legacy.Invoice");
        assertEquals(legacy, refusal.postProcessAfterInitialization(legacy, "legacyEntityManagerFactory"),
                "a persistence unit without the registry's entities may use its mapping files");
    }

    /** An entity of the service's own, which no entity contributor lists. */
    @jakarta.persistence.Entity
    public static class Coupon {
        @jakarta.persistence.Id Long id;
    }

    /** Not an entity: a converter a package scan lists too. */
    public static class CouponCodeConverter {
    }

    /**
     * Found open: a service's own PersistenceManagedTypes bean (or @EntityScan) put an entity into the registry's unit;
     * the migrations knew nothing of its table, and check agreed.
     */
    @Test
    void an_entity_no_contributor_lists_is_refused_in_the_registrys_persistence_unit_only() {
        UnregisteredEntityRefusal refusal = withAuthRegistry(new UnregisteredEntityRefusal());

        LocalContainerEntityManagerFactoryBean widened = unitOf(UserAccount.class.getName(), Coupon.class.getName(),
                CouponCodeConverter.class.getName());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> refusal.postProcessAfterInitialization(widened, "entityManagerFactory"));
        assertThat(refused.getMessage()).startsWith("The JPA persistence unit of bean 'entityManagerFactory' manages the "
                + "entit(y/ies) " + Coupon.class.getName() + ", which no entity contributor lists")
                .doesNotContain(CouponCodeConverter.class.getName());

        LocalContainerEntityManagerFactoryBean registryOnly = unitOf(UserAccount.class.getName(),
                CouponCodeConverter.class.getName());
        assertEquals(registryOnly, refusal.postProcessAfterInitialization(registryOnly, "entityManagerFactory"));
        LocalContainerEntityManagerFactoryBean own = unitOf(Coupon.class.getName());
        assertEquals(own, refusal.postProcessAfterInitialization(own, "couponEntityManagerFactory"),
                "a persistence unit without the registry's entities may hold the service's own");
    }

    /** {@code check} in a context whose registry holds the auth module's entities. */
    private static <T extends RegistryUnitCheck> T withAuthRegistry(T check) {
        org.springframework.beans.factory.support.DefaultListableBeanFactory beans =
                new org.springframework.beans.factory.support.DefaultListableBeanFactory();
        beans.registerSingleton("registry", EntityRegistry.of(new AuthEntities()));
        check.setBeanFactory(beans);
        return check;
    }

    /** An entity manager factory bean whose persistence unit manages {@code managedClasses}, without mapping files. */
    private static LocalContainerEntityManagerFactoryBean unitOf(String... managedClasses) {
        org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo info =
                new org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo();
        for (String managedClass : managedClasses) {
            info.addManagedClassName(managedClass);
        }
        return new LocalContainerEntityManagerFactoryBean() {
            @Override
            public jakarta.persistence.spi.PersistenceUnitInfo getPersistenceUnitInfo() {
                return info;
            }
        };
    }

    /** An entity manager factory bean whose persistence unit manages {@code managedClass} and reads an orm.xml. */
    private static LocalContainerEntityManagerFactoryBean unit(String managedClass) {
        org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo info =
                new org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo();
        info.addManagedClassName(managedClass);
        info.addMappingFileName("META-INF/orm.xml");
        return new LocalContainerEntityManagerFactoryBean() {
            @Override
            public jakarta.persistence.spi.PersistenceUnitInfo getPersistenceUnitInfo() {
                return info;
            }
        };
    }

    @Test
    void hibernate_may_never_change_the_schema() {
        for (String[] setting : List.of(new String[] {"hibernate.hbm2ddl.auto", "update"},
                new String[] {"hibernate.hbm2ddl.auto", "create-drop"},
                new String[] {"jakarta.persistence.schema-generation.database.action", "drop-and-create"},
                new String[] {"jakarta.persistence.schema-generation.scripts.action", "create"})) {
            Map<String, Object> properties = new HashMap<>(Map.of(setting[0], setting[1]));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new SchemaMappingCustomizer().customize(properties));
            assertThat(refused.getMessage()).startsWith("Hibernate is configured to change the schema ("
                    + setting[0] + "=" + setting[1] + ")").contains("spring.jpa.hibernate.ddl-auto to validate or none");
        }
    }

    @Test
    void boots_own_liquibase_is_off_by_default_and_can_be_turned_back_on() {
        StandardEnvironment environment = new StandardEnvironment();
        new BootLiquibaseDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertEquals("false", environment.getProperty("spring.liquibase.enabled"));

        StandardEnvironment overridden = new StandardEnvironment();
        overridden.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("service",
                Map.of("spring.liquibase.enabled", "true")));
        new BootLiquibaseDefaults().postProcessEnvironment(overridden, new SpringApplication());
        assertEquals("true", overridden.getProperty("spring.liquibase.enabled"));
    }

    @Test
    void the_jar_registers_the_auto_configuration_and_describes_its_properties() throws IOException {
        assertEquals(BookstorePersistenceAutoConfiguration.class.getName(),
                resource("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").strip());
        String metadata = resource("META-INF/spring-configuration-metadata.json");
        assertThat(metadata).contains("\"name\": \"bookstore.persistence.enabled\"",
                "\"name\": \"bookstore.persistence.migrate-on-startup\"", "\"name\": \"bookstore.persistence.pool-name\"",
                "\"name\": \"database.url\"", "\"name\": \"database.pool.max.size\"",
                "\"name\": \"migration.lock.timeout\"", "\"name\": \"migration.statement.timeout\"");
        assertTrue(metadata.contains("advisory lock"), "the descriptions come from the Javadoc");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BookstorePersistenceAutoConfiguration.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }

    /** A service's own, never connected data source. */
    @Configuration(proxyBeanMethods = false)
    static class OwnDataSource {
        @Bean
        DataSource ownDataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL("jdbc:postgresql://localhost:1/own");
            return dataSource;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {
        @Bean
        EntityRegistry ownRegistry() {
            return EntityRegistry.of(new AuthEntities());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPersistenceBeans {
        static final HibernatePropertiesCustomizer CUSTOMIZER = properties -> { };

        @Bean
        DatabaseSettings ownSettings() {
            return DatabaseSettings.parse("postgresql://localhost:5432/own");
        }

        @Bean
        EntityRegistry ownRegistry() {
            return EntityRegistry.of(new AuthEntities());
        }

        @Bean
        PersistenceManagedTypes ownManagedTypes() {
            return PersistenceManagedTypes.of("com.example.Own");
        }

        @Bean(BookstorePersistenceAutoConfiguration.SCHEMA_MAPPING_CUSTOMIZER)
        HibernatePropertiesCustomizer ownCustomizer() {
            return CUSTOMIZER;
        }
    }

    /** The smallest Boot service: only auto-configuration (no component scan, which would find this test's beans). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class MinimalService {
    }
}
