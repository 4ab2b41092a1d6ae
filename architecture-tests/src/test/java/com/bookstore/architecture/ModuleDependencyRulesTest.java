package com.bookstore.architecture;

import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static com.bookstore.architecture.Fixtures.assertNoViolations;
import static com.bookstore.architecture.Fixtures.assertViolations;
import static com.bookstore.architecture.Fixtures.fixturePackage;

/**
 * The dependency rules over fixture module roots: {@code modules.allowed} (every allowed edge, passes),
 * {@code modules.forbidden} (one forbidden edge per rule, no cycle) and {@code modules.cycle}.
 */
class ModuleDependencyRulesTest {

    private static final String ALLOWED = "modules.allowed";
    private static final String FORBIDDEN = "modules.forbidden";
    private static final String CYCLE = "modules.cycle";
    private static final String F = fixturePackage(FORBIDDEN + ".");

    private static ModuleDependencyRules rulesFor(String fixture) {
        return ModuleDependencyRules.forRoot(fixturePackage(fixture));
    }

    static Stream<Function<ModuleDependencyRules, ArchRule>> everyRule() {
        return Stream.of(
                ModuleDependencyRules::dbCoreShouldNotDependOnDomainModulesOrDbMigrations,
                ModuleDependencyRules::domainAuthShouldNotDependOnOtherDomainModules,
                ModuleDependencyRules::domainCatalogShouldNotDependOnOtherDomainModules,
                ModuleDependencyRules::domainModulesShouldNotDependOnDbMigrations,
                ModuleDependencyRules::persistenceModulesShouldNotDependOnTheSpringBootIntegration,
                ModuleDependencyRules::modulesShouldBeFreeOfCycles,
                ModuleDependencyRules::onlyDbMigrationsShouldUseLiquibase,
                ModuleDependencyRules::dbCoreInternalsShouldOnlyBeUsedByDbCore,
                ModuleDependencyRules::dbMigrationsInternalsShouldOnlyBeUsedByDbMigrations);
    }

    @ParameterizedTest
    @MethodSource("everyRule")
    void passes_on_modules_that_use_only_allowed_dependencies(Function<ModuleDependencyRules, ArchRule> rule) {
        assertNoViolations(rule.apply(rulesFor(ALLOWED)), ALLOWED);
    }

    @Test
    void db_core_depending_on_a_domain_module_or_db_migrations_is_reported() {
        String fix = "; move this code into the module it needs, or let that module plug in through a db-core SPI "
                + "(like EntityContributor)";
        assertViolations(rulesFor(FORBIDDEN).dbCoreShouldNotDependOnDomainModulesOrDbMigrations(), FORBIDDEN,
                F + "db.core.CoreRegistry (db-core) depends on " + F + "db.migrations.MigrationRunner (db-migrations) "
                        + "in (CoreRegistry.java:0), (CoreRegistry.java:12), but db-core must not depend on "
                        + "db-migrations" + fix,
                F + "db.core.CoreRegistry (db-core) depends on " + F + "domain.orders.OrderLine (domain-orders) in "
                        + "(CoreRegistry.java:0), but db-core must not depend on domain-orders" + fix);
    }

    @Test
    void domain_auth_depending_on_another_domain_module_is_reported() {
        assertViolations(rulesFor(FORBIDDEN).domainAuthShouldNotDependOnOtherDomainModules(), FORBIDDEN,
                F + "domain.auth.AuthAccount (domain-auth) depends on " + F + "domain.catalog.CatalogBook "
                        + "(domain-catalog) in (AuthAccount.java:0), but domain-auth must not depend on "
                        + "domain-catalog; refer to the other module's data by id, or move this code to "
                        + "domain-orders, the domain module allowed to use both");
    }

    @Test
    void domain_catalog_depending_on_another_domain_module_is_reported() {
        assertViolations(rulesFor(FORBIDDEN).domainCatalogShouldNotDependOnOtherDomainModules(), FORBIDDEN,
                F + "domain.catalog.CatalogBook (domain-catalog) depends on " + F + "domain.orders.OrderLine "
                        + "(domain-orders) in (CatalogBook.java:0), but domain-catalog must not depend on "
                        + "domain-orders; refer to the other module's data by id, or move this code to "
                        + "domain-orders, the domain module allowed to use both");
    }

    @Test
    void a_domain_module_depending_on_db_migrations_is_reported() {
        assertViolations(rulesFor(FORBIDDEN).domainModulesShouldNotDependOnDbMigrations(), FORBIDDEN,
                F + "domain.orders.OrderLine (domain-orders) depends on " + F + "db.migrations.MigrationRunner "
                        + "(db-migrations) in (OrderLine.java:0), but domain-orders must not depend on db-migrations; "
                        + "db-migrations depends on the domain modules, not the reverse: move this code into "
                        + "db-migrations");
    }

    @Test
    void a_persistence_module_depending_on_the_spring_boot_integration_is_reported() {
        assertViolations(rulesFor(FORBIDDEN).persistenceModulesShouldNotDependOnTheSpringBootIntegration(), FORBIDDEN,
                F + "db.migrations.StartupHook (db-migrations) depends on " + F + "spring.BootStarter "
                        + "(bookstore-spring-boot) in (StartupHook.java:0), (StartupHook.java:9), but "
                        + "db-migrations must not depend on bookstore-spring-boot; bookstore-spring-boot adapts the "
                        + "persistence layer to Spring Boot, not the reverse: move this code into " + F + "spring, "
                        + "or make it framework-neutral");
    }

    @Test
    void liquibase_outside_db_migrations_is_reported() {
        assertViolations(rulesFor(FORBIDDEN).onlyDbMigrationsShouldUseLiquibase(), FORBIDDEN,
                F + "domain.catalog.CatalogBook uses liquibase.Scope in (CatalogBook.java:13), but only db-migrations "
                        + "may use Liquibase; move this code into " + F + "db.migrations");
    }

    @Test
    void db_core_internals_used_outside_db_core_are_reported() {
        assertViolations(rulesFor(FORBIDDEN).dbCoreInternalsShouldOnlyBeUsedByDbCore(), FORBIDDEN,
                F + "domain.auth.AuthAccount uses " + F + "db.core.internal.CoreHelper in (AuthAccount.java:12), but "
                        + "db-core's internal packages are not an API; use db-core's API packages (registry, "
                        + "settings, mapping, runtime, embedded, spi) instead, or move what you need into one of "
                        + "them");
    }

    @Test
    void db_migrations_internals_used_outside_db_migrations_are_reported() {
        assertViolations(rulesFor(FORBIDDEN).dbMigrationsInternalsShouldOnlyBeUsedByDbMigrations(), FORBIDDEN,
                F + "architecture.ReportTool uses " + F + "db.migrations.internal.MigrationPlanner in (ReportTool.java:9), "
                        + "but db-migrations's internal packages are not an API; use db-migrations's API packages "
                        + "(apply, cli) instead, or move what you need into one of them");
    }

    @Test
    void forbidden_edges_without_a_cycle_pass_the_cycle_rule() {
        assertNoViolations(rulesFor(FORBIDDEN).modulesShouldBeFreeOfCycles(), FORBIDDEN);
    }

    @Test
    void a_cycle_between_modules_is_reported_with_the_dependencies_on_each_side() {
        String c = fixturePackage(CYCLE + ".");
        assertViolations(rulesFor(CYCLE).modulesShouldBeFreeOfCycles(), CYCLE,
                "Cycle detected: Slice domain-auth -> \n"
                        + "                Slice domain-catalog -> \n"
                        + "                Slice domain-auth\n"
                        + "  1. Dependencies of Slice domain-auth\n"
                        + "    - Field <" + c + "domain.auth.AuthSession.shelf> has type <" + c
                        + "domain.catalog.CatalogShelf> in (AuthSession.java:0)\n"
                        + "  2. Dependencies of Slice domain-catalog\n"
                        + "    - Method <" + c + "domain.catalog.CatalogShelf.open(" + c + "domain.auth.AuthSession)> "
                        + "has parameter of type <" + c + "domain.auth.AuthSession> in (CatalogShelf.java:0)");
    }
}
