package com.bookstore.architecture;

import org.junit.jupiter.api.Test;

import static com.bookstore.architecture.Fixtures.assertNoViolations;
import static com.bookstore.architecture.Fixtures.assertViolations;
import static com.bookstore.architecture.Fixtures.fixturePackage;

class ModuleDocumentationRulesTest {

    @Test
    void passes_when_every_module_root_has_a_package_info() {
        assertNoViolations(ModuleDocumentationRules.forRoot(fixturePackage("packageinfo.complete"))
                .everyModuleRootPackageShouldHaveAPackageInfo(), "packageinfo.complete");
    }

    @Test
    void reports_every_module_root_without_a_package_info() {
        String p = fixturePackage("packageinfo.incomplete.");
        String dir = p.replace('.', '/');
        String boundary = ") whose Javadoc declares the module boundary: its API and the modules it may depend on";
        assertViolations(ModuleDocumentationRules.forRoot(fixturePackage("packageinfo.incomplete"))
                        .everyModuleRootPackageShouldHaveAPackageInfo(), "packageinfo.incomplete",
                "Module bookstore-spring-boot has no package-info in its root package " + p + "spring; add one "
                        + "(src/main/java/" + dir + "spring/package-info.java in bookstore-spring-boot" + boundary,
                "Module db-migrations has no package-info in its root package " + p + "db.migrations; add one "
                        + "(src/main/java/" + dir + "db/migrations/package-info.java in db-migrations" + boundary,
                "Module domain-catalog has no package-info in its root package " + p + "domain.catalog; add one "
                        + "(src/main/java/" + dir + "domain/catalog/package-info.java in domain-catalog" + boundary,
                "Module domain-orders has no package-info in its root package " + p + "domain.orders; add one "
                        + "(src/main/java/" + dir + "domain/orders/package-info.java in domain-orders" + boundary);
    }
}
