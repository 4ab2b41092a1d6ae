package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasSourceCodeLocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The direct dependencies of a class on matching targets, one entry per target class with every place it is used. */
final class DependencyLocations {

    private DependencyLocations() {
    }

    /**
     * Target class (array types reduced to their component type) to its usages, formatted like
     * {@code (Origin.java:0), (Origin.java:12)} (line 0: a signature or field type), in order of first use.
     */
    static Map<JavaClass, String> of(JavaClass origin, Predicate<JavaClass> targets) {
        Map<JavaClass, List<Dependency>> byTarget = new LinkedHashMap<>();
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
            JavaClass target = dependency.getTargetClass().getBaseComponentType();
            if (targets.test(target)) {
                byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(dependency);
            }
        }
        Map<JavaClass, String> result = new LinkedHashMap<>();
        byTarget.forEach((target, dependencies) -> result.put(target, dependencies.stream()
                .map(HasSourceCodeLocation::getSourceCodeLocation)
                .sorted(Comparator.comparingInt(location -> location.getLineNumber()))
                .map(Object::toString)
                .distinct()
                .collect(Collectors.joining(", "))));
        return result;
    }
}
