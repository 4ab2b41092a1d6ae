package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.AbstractClassesTransformer;

import java.util.Arrays;
import java.util.List;

/** One {@link ModuleRootPackage} per {@link ProjectModule}, whether or not any of its classes were imported. */
final class ModuleRootPackages extends AbstractClassesTransformer<ModuleRootPackage> {

    private final ProjectModules modules;

    ModuleRootPackages(ProjectModules modules) {
        super("module root packages below '" + modules.root() + "'");
        this.modules = modules;
    }

    @Override
    public Iterable<ModuleRootPackage> doTransform(JavaClasses classes) {
        List<ModuleRootPackage> roots = Arrays.stream(ProjectModule.values())
                .map(module -> {
                    String packageName = modules.rootPackageOf(module);
                    return new ModuleRootPackage(module, packageName, classes.contain(packageName + ".package-info"));
                })
                .toList();
        return roots;
    }
}
