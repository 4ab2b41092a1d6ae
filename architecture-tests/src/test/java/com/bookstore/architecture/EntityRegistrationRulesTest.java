package com.bookstore.architecture;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.bookstore.architecture.Fixtures.assertNoViolations;
import static com.bookstore.architecture.Fixtures.assertViolations;
import static com.bookstore.architecture.Fixtures.fixturePackage;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each entity registration rule passes on a correct fixture and reports exactly the planted violations. */
class EntityRegistrationRulesTest {

    private static final EntityRegistrationRules RULES =
            EntityRegistrationRules.forServicesResource(Fixtures.SERVICES_RESOURCE);

    private static final String VALID = "registration.valid";

    @Nested
    class EveryEntityShouldBeRegisteredByExactlyOneEntityContributor {

        @Test
        void passes_when_every_entity_is_listed_once() {
            assertNoViolations(RULES.everyEntityShouldBeRegisteredByExactlyOneEntityContributor(), VALID);
        }

        @Test
        void reports_an_entity_no_contributor_lists_and_names_the_contributor_to_add_it_to() {
            String p = fixturePackage("registration.unregistered.");
            assertViolations(RULES.everyEntityShouldBeRegisteredByExactlyOneEntityContributor(),
                    "registration.unregistered",
                    p + "module.model.Forgotten is an @Entity but no EntityContributor lists it; add Forgotten.class "
                            + "to " + p + "module.ModuleEntities.entityClasses()",
                    p + "orphan.model.Orphan is an @Entity but no EntityContributor lists it; add Orphan.class to the "
                            + "entityClasses() of its module's EntityContributor (there is none in or above " + p
                            + "orphan.model: create one and declare it in " + Fixtures.SERVICES_RESOURCE + ")");
        }

        @Test
        void reports_an_entity_registered_twice_naming_both_contributors() {
            String p = fixturePackage("registration.twice.");
            assertViolations(RULES.everyEntityShouldBeRegisteredByExactlyOneEntityContributor(), "registration.twice",
                    p + "alpha.model.Shared is registered by 2 EntityContributors: " + p + "alpha.AlphaEntities and "
                            + p + "beta.BetaEntities; an entity belongs to exactly one module: keep it in " + p
                            + "alpha.AlphaEntities and remove Shared.class from " + p
                            + "beta.BetaEntities.entityClasses()",
                    p + "gamma.model.Gamma is listed 2 times by " + p + "gamma.GammaEntities.entityClasses(); remove "
                            + "the duplicate Gamma.class");
        }
    }

    @Nested
    class EntityContributorsShouldListOnlyEntities {

        @Test
        void passes_when_every_listed_class_is_an_entity() {
            assertNoViolations(RULES.entityContributorsShouldListOnlyEntities(), VALID);
        }

        @Test
        void reports_a_listed_class_that_is_not_an_entity_a_null_entry_and_a_failing_list() {
            String p = fixturePackage("registration.nonentity.");
            assertViolations(RULES.entityContributorsShouldListOnlyEntities(), "registration.nonentity",
                    p + "NonEntityEntities.entityClasses() lists null; remove the null entry",
                    p + "ThrowingEntities.entityClasses() threw java.lang.IllegalStateException: entity list not "
                            + "ready; make it return the list of the module's entity classes without side effects",
                    p + "model.InvoiceView is listed by " + p + "NonEntityEntities.entityClasses() but is not "
                            + "annotated @jakarta.persistence.Entity; annotate it with @Entity or remove "
                            + "InvoiceView.class from " + p + "NonEntityEntities.entityClasses()");
        }
    }

    @Nested
    class EntityContributorsShouldBeDeclaredForTheServiceLoader {

        @Test
        void passes_when_every_contributor_is_declared() {
            assertNoViolations(RULES.entityContributorsShouldBeDeclaredForTheServiceLoader(), VALID);
        }

        @Test
        void reports_a_contributor_missing_from_the_services_file_and_names_the_file_to_edit() {
            String contributor = fixturePackage("registration.undeclared.undeclared.UndeclaredEntities");
            assertViolations(RULES.entityContributorsShouldBeDeclaredForTheServiceLoader(), "registration.undeclared",
                    contributor + " implements EntityContributor but is not declared in " + Fixtures.SERVICES_RESOURCE
                            + " of its jar or directory, so ServiceLoader never finds it; add the line '"
                            + contributor + "' to src/test/resources/" + Fixtures.SERVICES_RESOURCE);
        }

        @Test
        void the_project_rule_reads_the_real_services_file_which_never_lists_fixtures() {
            String contributor = fixturePackage("registration.valid.ValidEntities");
            assertEquals("META-INF/services/com.bookstore.db.core.spi.EntityContributor",
                    EntityRegistrationRules.SERVICES_RESOURCE);
            assertViolations(EntityRegistrationRules.entity_contributors_should_be_declared_for_the_service_loader,
                    VALID,
                    contributor + " implements EntityContributor but is not declared in "
                            + EntityRegistrationRules.SERVICES_RESOURCE + " of its jar or directory, so ServiceLoader "
                            + "never finds it; add the line '" + contributor + "' to src/test/resources/"
                            + EntityRegistrationRules.SERVICES_RESOURCE);
        }
    }

    @Nested
    class EntityContributorsShouldBeInstantiableByTheServiceLoader {

        @Test
        void passes_for_a_public_class_with_a_public_no_argument_constructor() {
            assertNoViolations(RULES.entityContributorsShouldBeInstantiableByTheServiceLoader(), VALID);
        }

        @Test
        void reports_contributors_service_loader_cannot_create() {
            String p = fixturePackage("registration.uninstantiable.");
            String fix = "; make it a public top-level class with a public no-argument constructor";
            assertViolations(RULES.entityContributorsShouldBeInstantiableByTheServiceLoader(),
                    "registration.uninstantiable",
                    p + "ConfiguredEntities cannot be instantiated by ServiceLoader: it has no public no-argument "
                            + "constructor" + fix,
                    p + "HiddenEntities cannot be instantiated by ServiceLoader: it is not public, it has no public "
                            + "no-argument constructor" + fix,
                    p + "Outer$InnerEntities cannot be instantiated by ServiceLoader: it is not a top-level or static "
                            + "nested class, it has no public no-argument constructor" + fix);
        }
    }
}
