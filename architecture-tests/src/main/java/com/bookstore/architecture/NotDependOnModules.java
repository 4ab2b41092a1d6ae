package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A class depends on no class of the given modules; each violation names both classes, the line and the fix. */
final class NotDependOnModules extends ArchCondition<JavaClass> {

    private final ProjectModules modules;
    private final Set<ProjectModule> forbidden;
    private final String fix;

    NotDependOnModules(ProjectModules modules, Set<ProjectModule> forbidden, String fix) {
        super("not depend on " + forbidden.stream().map(ProjectModule::artifactId).collect(Collectors.joining(", ")));
        this.modules = modules;
        this.forbidden = Set.copyOf(forbidden);
        this.fix = fix;
    }

    @Override
    public void check(JavaClass origin, ConditionEvents events) {
        String originModule = modules.moduleOf(origin).map(ProjectModule::artifactId).orElse("?");
        List<String> messages = new ArrayList<>();
        DependencyLocations.of(origin, target -> modules.moduleOf(target).filter(forbidden::contains).isPresent())
                .forEach((target, locations) -> {
                    ProjectModule targetModule = modules.moduleOf(target).orElseThrow();
                    messages.add(origin.getName() + " (" + originModule + ") depends on " + target.getName() + " ("
                            + targetModule + ") in " + locations + ", but " + originModule + " must not depend on "
                            + targetModule + "; " + fix);
                });
        messages.forEach(message -> events.add(SimpleConditionEvent.violated(origin, message)));
        if (messages.isEmpty()) {
            events.add(SimpleConditionEvent.satisfied(origin, origin.getName() + " respects the module matrix"));
        }
    }
}
