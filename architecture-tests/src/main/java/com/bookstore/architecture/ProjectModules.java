package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** Maps packages to {@link ProjectModule}s below one project root package. */
public final class ProjectModules {

    /** The root package of the real project. */
    public static final String PROJECT_ROOT = "com.bookstore";

    private final String root;

    private ProjectModules(String root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The modules below {@code rootPackage} ({@code com.bookstore} for the real code). */
    public static ProjectModules under(String rootPackage) {
        return new ProjectModules(rootPackage);
    }

    /** The project root package. */
    public String root() {
        return root;
    }

    /** The root package of {@code module} below this project root. */
    public String rootPackageOf(ProjectModule module) {
        return module.rootPackage(root);
    }

    /** ArchUnit package identifier of everything in {@code module}, e.g. {@code com.bookstore.db.core..}. */
    public String packagesOf(ProjectModule module) {
        return rootPackageOf(module) + "..";
    }

    /** The module owning {@code packageName}, if any. */
    public Optional<ProjectModule> moduleOf(String packageName) {
        return Arrays.stream(ProjectModule.values())
                .filter(module -> packageName.equals(rootPackageOf(module))
                        || packageName.startsWith(rootPackageOf(module) + "."))
                .findFirst();
    }

    /** The module owning {@code javaClass}, if any. */
    public Optional<ProjectModule> moduleOf(JavaClass javaClass) {
        return moduleOf(javaClass.getPackageName());
    }
}
