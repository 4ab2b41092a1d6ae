package com.bookstore.architecture;

import com.bookstore.db.core.spi.EntityContributor;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Every entity reaches the registry: the runtime maps, and the migration tooling diffs, exactly the classes the
 * {@link EntityContributor}s declared for {@code ServiceLoader} list.
 *
 * <p>The static fields check the real services file; {@link #forServicesResource(String)} builds the same rules over
 * another resource name (the tests use one that {@code EntityRegistry.discover()} never reads).
 */
public final class EntityRegistrationRules {

    /** The provider-configuration file {@code EntityRegistry.discover()} reads. */
    public static final String SERVICES_RESOURCE = "META-INF/services/" + EntityContributor.class.getName();

    private static final EntityRegistrationRules PROJECT = forServicesResource(SERVICES_RESOURCE);

    @ArchTest
    public static final ArchRule every_entity_should_be_registered_by_exactly_one_entity_contributor =
            PROJECT.everyEntityShouldBeRegisteredByExactlyOneEntityContributor();

    @ArchTest
    public static final ArchRule entity_contributors_should_list_only_entities =
            PROJECT.entityContributorsShouldListOnlyEntities();

    @ArchTest
    public static final ArchRule entity_contributors_should_be_declared_for_the_service_loader =
            PROJECT.entityContributorsShouldBeDeclaredForTheServiceLoader();

    @ArchTest
    public static final ArchRule entity_contributors_should_be_instantiable_by_the_service_loader =
            PROJECT.entityContributorsShouldBeInstantiableByTheServiceLoader();

    private final ServiceDeclarations declarations;

    private EntityRegistrationRules(ServiceDeclarations declarations) {
        this.declarations = declarations;
    }

    /** The rules, reading contributor declarations from {@code resourceName} instead of the real services file. */
    public static EntityRegistrationRules forServicesResource(String resourceName) {
        return new EntityRegistrationRules(ServiceDeclarations.inResource(resourceName));
    }

    /** Every {@code @Entity} in {@code com.bookstore..} is listed by exactly one contributor, once. */
    public ArchRule everyEntityShouldBeRegisteredByExactlyOneEntityContributor() {
        return all(new EntityRegistrations(ProjectModules.PROJECT_ROOT))
                .should(new BeRegisteredByExactlyOneContributor(declarations.resourceName()))
                .because("an entity no contributor lists is neither mapped nor migrated, and one listed twice "
                        + "belongs to two modules");
    }

    /** Contributors list only {@code @Entity} classes. */
    public ArchRule entityContributorsShouldListOnlyEntities() {
        return classes().that(EntityContributors.entityContributors())
                .should(new ListOnlyEntities())
                .because("EntityRegistry rejects a registered class that is not an entity");
    }

    /** Contributors are named in the services file of their own jar. */
    public ArchRule entityContributorsShouldBeDeclaredForTheServiceLoader() {
        return classes().that(EntityContributors.entityContributors())
                .should(new BeDeclaredAsService(declarations, EntityContributor.class))
                .because("EntityRegistry.discover() finds contributors only through ServiceLoader");
    }

    /** Contributors can be created by {@code ServiceLoader}. */
    public ArchRule entityContributorsShouldBeInstantiableByTheServiceLoader() {
        return classes().that(EntityContributors.entityContributors())
                .should(new BeInstantiableByServiceLoader())
                .because("ServiceLoader creates providers through a public no-argument constructor");
    }
}
