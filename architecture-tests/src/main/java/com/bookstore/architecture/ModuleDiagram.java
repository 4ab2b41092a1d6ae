package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The module dependency diagram drawn from the classes themselves (as Spring Modulith documents its modules): a
 * Mermaid graph with one edge per module whose classes really use another's. Kept in
 * {@code docs/modules.md} and checked by a test, so the picture cannot drift from the code.
 */
public final class ModuleDiagram {

    private final Map<ProjectModule, Map<ProjectModule, Integer>> uses;

    private ModuleDiagram(Map<ProjectModule, Map<ProjectModule, Integer>> uses) {
        this.uses = uses;
    }

    /** Reads who uses whom from {@code classes} (production classes of the project). */
    public static ModuleDiagram of(JavaClasses classes, ProjectModules modules) {
        Map<ProjectModule, Map<ProjectModule, Set<String>>> users = new EnumMap<>(ProjectModule.class);
        for (JavaClass javaClass : classes) {
            Optional<ProjectModule> from = modules.moduleOf(javaClass);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                modules.moduleOf(dependency.getTargetClass().getBaseComponentType())
                        .filter(to -> to != from.get())
                        .ifPresent(to -> users.computeIfAbsent(from.get(), k -> new EnumMap<>(ProjectModule.class))
                                .computeIfAbsent(to, k -> new java.util.TreeSet<>()).add(javaClass.getName()));
            }
        }
        Map<ProjectModule, Map<ProjectModule, Integer>> counts = new EnumMap<>(ProjectModule.class);
        users.forEach((from, targets) -> targets.forEach((to, names) ->
                counts.computeIfAbsent(from, k -> new EnumMap<>(ProjectModule.class)).put(to, names.size())));
        return new ModuleDiagram(counts);
    }

    /** The Markdown page: a Mermaid flowchart and a short legend. */
    public String markdown() {
        StringBuilder page = new StringBuilder("""
                # Module dependencies

                Generated from the compiled classes by `ModuleDiagramTest` (architecture-tests); do not edit by hand.
                Regenerate with `./mvnw -B verify -Ddocs.update=true`. An arrow `a --> b` means classes of `a` use
                classes of `b`. The allowed dependencies are enforced by `ModuleDependencyRules`.

                ```mermaid
                flowchart LR
                """);
        for (ProjectModule module : EnumSet.allOf(ProjectModule.class)) {
            if (module != ProjectModule.ARCHITECTURE_TESTS) {
                page.append("    ").append(id(module)).append("[\"").append(module.artifactId()).append("\"]\n");
            }
        }
        uses.forEach((from, targets) -> {
            if (from != ProjectModule.ARCHITECTURE_TESTS) {
                targets.keySet().forEach(to -> page.append("    ").append(id(from)).append(" --> ").append(id(to))
                        .append('\n'));
            }
        });
        return page.append("```\n").toString();
    }

    private static String id(ProjectModule module) {
        return module.name().toLowerCase(java.util.Locale.ROOT);
    }
}
