package com.bookstore.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.EnumSet;

import static com.bookstore.architecture.ProjectModule.DB_CORE;
import static com.bookstore.architecture.ProjectModule.DB_MIGRATIONS;
import static com.bookstore.architecture.ProjectModule.DOMAIN_AUTH;
import static com.bookstore.architecture.ProjectModule.DOMAIN_CATALOG;
import static com.bookstore.architecture.ProjectModule.DOMAIN_ORDERS;
import static com.bookstore.architecture.ProjectModule.SPRING_BOOT;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module dependency matrix (what the poms allow, checked on the code):
 * <pre>
 *   db-core         -> (no project module)
 *   domain-auth     -> db-core
 *   domain-catalog  -> db-core
 *   domain-orders   -> db-core, domain-auth, domain-catalog
 *   db-migrations   -> db-core, every domain module (the only Liquibase user)
 *   bookstore-spring-boot -> db-core, db-migrations (nothing depends on it: Spring stays optional)
 * </pre>
 * plus no cycles between modules, and the {@code internal} packages of db-core and db-migrations used only inside
 * their own module.
 *
 * <p>The static fields check {@code com.bookstore}; {@link #forRoot(String)} builds the same rules below another root.
 */
public final class ModuleDependencyRules {

    private static final ModuleDependencyRules PROJECT = forRoot(ProjectModules.PROJECT_ROOT);

    @ArchTest
    public static final ArchRule db_core_should_not_depend_on_domain_modules_or_db_migrations =
            PROJECT.dbCoreShouldNotDependOnDomainModulesOrDbMigrations();

    @ArchTest
    public static final ArchRule domain_auth_should_not_depend_on_other_domain_modules =
            PROJECT.domainAuthShouldNotDependOnOtherDomainModules();

    @ArchTest
    public static final ArchRule domain_catalog_should_not_depend_on_other_domain_modules =
            PROJECT.domainCatalogShouldNotDependOnOtherDomainModules();

    @ArchTest
    public static final ArchRule domain_modules_should_not_depend_on_db_migrations =
            PROJECT.domainModulesShouldNotDependOnDbMigrations();

    @ArchTest
    public static final ArchRule persistence_modules_should_not_depend_on_the_spring_boot_integration =
            PROJECT.persistenceModulesShouldNotDependOnTheSpringBootIntegration();

    @ArchTest
    public static final ArchRule modules_should_be_free_of_cycles = PROJECT.modulesShouldBeFreeOfCycles();

    @ArchTest
    public static final ArchRule only_db_migrations_should_use_liquibase = PROJECT.onlyDbMigrationsShouldUseLiquibase();

    @ArchTest
    public static final ArchRule db_core_internals_should_only_be_used_by_db_core =
            PROJECT.dbCoreInternalsShouldOnlyBeUsedByDbCore();

    @ArchTest
    public static final ArchRule db_migrations_internals_should_only_be_used_by_db_migrations =
            PROJECT.dbMigrationsInternalsShouldOnlyBeUsedByDbMigrations();

    private final ProjectModules modules;

    private ModuleDependencyRules(ProjectModules modules) {
        this.modules = modules;
    }

    /** The same rules for modules below {@code rootPackage} ({@code <root>.db.core}, {@code <root>.domain.auth}...). */
    public static ModuleDependencyRules forRoot(String rootPackage) {
        return new ModuleDependencyRules(ProjectModules.under(rootPackage));
    }

    public ArchRule dbCoreShouldNotDependOnDomainModulesOrDbMigrations() {
        return classes().that().resideInAPackage(modules.packagesOf(DB_CORE))
                .should(new NotDependOnModules(modules, EnumSet.of(DOMAIN_AUTH, DOMAIN_CATALOG, DOMAIN_ORDERS,
                        DB_MIGRATIONS), "move this code into the module it needs, or let that module plug in through "
                                + "a db-core SPI (like EntityContributor)"))
                .because("db-core is the base every module builds on");
    }

    public ArchRule domainAuthShouldNotDependOnOtherDomainModules() {
        return domainModuleShouldNotDependOn(DOMAIN_AUTH, EnumSet.of(DOMAIN_CATALOG, DOMAIN_ORDERS));
    }

    public ArchRule domainCatalogShouldNotDependOnOtherDomainModules() {
        return domainModuleShouldNotDependOn(DOMAIN_CATALOG, EnumSet.of(DOMAIN_AUTH, DOMAIN_ORDERS));
    }

    private ArchRule domainModuleShouldNotDependOn(ProjectModule module, EnumSet<ProjectModule> others) {
        return classes().that().resideInAPackage(modules.packagesOf(module))
                .should(new NotDependOnModules(modules, others, "refer to the other module's data by id, "
                        + "or move this code to domain-orders, the domain module allowed to use both"))
                .because(module + " is an independent domain module; only domain-orders may use other domain "
                        + "modules (domain-auth and domain-catalog)");
    }

    public ArchRule domainModulesShouldNotDependOnDbMigrations() {
        return classes().that().resideInAnyPackage(modules.packagesOf(DOMAIN_AUTH),
                        modules.packagesOf(DOMAIN_CATALOG), modules.packagesOf(DOMAIN_ORDERS))
                .should(new NotDependOnModules(modules, EnumSet.of(DB_MIGRATIONS),
                        "db-migrations depends on the domain modules, not the reverse: move this code into "
                                + "db-migrations"))
                .because("migrations are build and deployment tooling that services do not ship");
    }

    public ArchRule persistenceModulesShouldNotDependOnTheSpringBootIntegration() {
        return classes().that().resideInAnyPackage(modules.packagesOf(DB_CORE), modules.packagesOf(DOMAIN_AUTH),
                        modules.packagesOf(DOMAIN_CATALOG), modules.packagesOf(DOMAIN_ORDERS),
                        modules.packagesOf(DB_MIGRATIONS))
                .should(new NotDependOnModules(modules, EnumSet.of(SPRING_BOOT), "bookstore-spring-boot adapts the "
                        + "persistence layer to Spring Boot, not the reverse: move this code into "
                        + modules.rootPackageOf(SPRING_BOOT) + ", or make it framework-neutral"))
                .because("services without Spring use the same jars");
    }

    public ArchRule modulesShouldBeFreeOfCycles() {
        return slices().assignedFrom(new ModuleSlices(modules))
                .should().beFreeOfCycles()
                .because("modules are built in order; break a cycle by moving the shared type into the lower module "
                        + "or by inverting the dependency through an SPI");
    }

    public ArchRule onlyDbMigrationsShouldUseLiquibase() {
        return classes().that().resideInAPackage(modules.root() + "..")
                .and().resideOutsideOfPackage(modules.packagesOf(DB_MIGRATIONS))
                .should(new NotUseClassesIn("liquibase..", "only db-migrations may use Liquibase",
                        "move this code into " + modules.rootPackageOf(DB_MIGRATIONS)))
                .because("services must not carry the migration tooling; schema changes go through db-migrations");
    }

    public ArchRule dbCoreInternalsShouldOnlyBeUsedByDbCore() {
        return internalsShouldOnlyBeUsedBy(DB_CORE, "registry, settings, mapping, runtime, embedded, spi");
    }

    public ArchRule dbMigrationsInternalsShouldOnlyBeUsedByDbMigrations() {
        return internalsShouldOnlyBeUsedBy(DB_MIGRATIONS, "apply, cli");
    }

    private ArchRule internalsShouldOnlyBeUsedBy(ProjectModule module, String apiPackages) {
        return classes().that().resideInAPackage(modules.root() + "..")
                .and().resideOutsideOfPackage(modules.packagesOf(module))
                .should(new NotUseClassesIn(modules.rootPackageOf(module) + "..internal..",
                        module.artifactId() + "'s internal packages are not an API",
                        "use " + module.artifactId() + "'s API packages (" + apiPackages + ") instead, "
                                + "or move what you need into one of them"))
                .because(module.artifactId() + " may change its internals without notice");
    }
}
