package com.bookstore.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

/**
 * Spring Modulith style: each module's root package carries a {@code package-info.java} whose Javadoc declares the
 * module's boundary. (javac writes no class for a Javadoc-only {@code package-info.java}; maven-compiler-plugin's
 * default {@code createMissingPackageInfoClass=true} does, which is what ArchUnit sees.)
 */
public final class ModuleDocumentationRules {

    private static final ModuleDocumentationRules PROJECT = forRoot(ProjectModules.PROJECT_ROOT);

    @ArchTest
    public static final ArchRule every_module_root_package_should_have_a_package_info =
            PROJECT.everyModuleRootPackageShouldHaveAPackageInfo();

    private final ProjectModules modules;

    private ModuleDocumentationRules(ProjectModules modules) {
        this.modules = modules;
    }

    /** The same rule for the modules below {@code rootPackage}. */
    public static ModuleDocumentationRules forRoot(String rootPackage) {
        return new ModuleDocumentationRules(ProjectModules.under(rootPackage));
    }

    public ArchRule everyModuleRootPackageShouldHaveAPackageInfo() {
        return all(new ModuleRootPackages(modules))
                .should(new HaveAPackageInfo())
                .because("the boundary of a module (its API, what it may depend on) is written where readers and "
                        + "tools look first");
    }
}
