package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * One ArchUnit slice per {@link ProjectModule}. A pattern such as {@code com.bookstore.(*)..} cannot express the
 * modules because {@code db.core} and {@code db.migrations} are two package levels deep.
 */
final class ModuleSlices implements SliceAssignment {

    private final ProjectModules modules;

    ModuleSlices(ProjectModules modules) {
        this.modules = modules;
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        return modules.moduleOf(javaClass)
                .map(module -> SliceIdentifier.of(module.artifactId()))
                .orElseGet(SliceIdentifier::ignore);
    }

    @Override
    public String getDescription() {
        return "modules below '" + modules.root() + "'";
    }
}
