package com.bookstore.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Entities live in the {@code model} package of a domain module. */
public final class EntityPlacementRules {

    private static final EntityPlacementRules PROJECT = forRoot(ProjectModules.PROJECT_ROOT);

    @ArchTest
    public static final ArchRule entities_should_reside_in_a_domain_model_package =
            PROJECT.entitiesShouldResideInADomainModelPackage();

    private final ProjectModules modules;

    private EntityPlacementRules(ProjectModules modules) {
        this.modules = modules;
    }

    /** The same rule for {@code @Entity} classes below {@code rootPackage}. */
    public static EntityPlacementRules forRoot(String rootPackage) {
        return new EntityPlacementRules(ProjectModules.under(rootPackage));
    }

    public ArchRule entitiesShouldResideInADomainModelPackage() {
        return classes().that(Jpa.entities()).and().resideInAPackage(modules.root() + "..")
                .should(new ResideInAModelPackage(modules))
                .because("entities belong to exactly one domain module, where its contributor lists them next to "
                        + "each other");
    }
}
