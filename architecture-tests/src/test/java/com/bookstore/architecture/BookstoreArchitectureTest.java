package com.bookstore.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** Every rule on the production classes of every module ({@code com.bookstore..}, test classes excluded). */
@AnalyzeClasses(packages = ProjectModules.PROJECT_ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class BookstoreArchitectureTest {

    @ArchTest
    static final ArchTests entity_registration = ArchTests.in(EntityRegistrationRules.class);

    @ArchTest
    static final ArchTests module_dependencies = ArchTests.in(ModuleDependencyRules.class);

    @ArchTest
    static final ArchTests entity_placement = ArchTests.in(EntityPlacementRules.class);

    @ArchTest
    static final ArchTests secret_naming = ArchTests.in(SecretNamingRules.class);

    @ArchTest
    static final ArchTests module_documentation = ArchTests.in(ModuleDocumentationRules.class);
}
