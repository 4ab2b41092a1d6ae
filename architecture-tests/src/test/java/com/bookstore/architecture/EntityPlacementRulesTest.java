package com.bookstore.architecture;

import org.junit.jupiter.api.Test;

import static com.bookstore.architecture.Fixtures.assertNoViolations;
import static com.bookstore.architecture.Fixtures.assertViolations;
import static com.bookstore.architecture.Fixtures.fixturePackage;

class EntityPlacementRulesTest {

    @Test
    void passes_for_entities_in_and_below_a_domain_model_package() {
        assertNoViolations(EntityPlacementRules.forRoot(fixturePackage("placement.good"))
                .entitiesShouldResideInADomainModelPackage(), "placement.good");
    }

    @Test
    void reports_entities_outside_a_model_package_and_names_the_package_to_move_them_to() {
        String p = fixturePackage("placement.bad.");
        assertViolations(EntityPlacementRules.forRoot(fixturePackage("placement.bad"))
                        .entitiesShouldResideInADomainModelPackage(), "placement.bad",
                p + "domain.orders.Receipt is an @Entity outside a model package; move it to " + p
                        + "domain.orders.model",
                p + "util.Stray is an @Entity outside a model package; move it to the model package of the domain "
                        + "module that owns it (" + p + "domain.<module>.model)");
    }
}
