package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;

/** A class uses no class of a package (ArchUnit package identifier); each violation names the class, line and fix. */
final class NotUseClassesIn extends ArchCondition<JavaClass> {

    private final PackageMatcher packages;
    private final String restriction;
    private final String fix;

    /**
     * @param packageIdentifier the forbidden packages, e.g. {@code liquibase..}
     * @param restriction why, completing "but ...", e.g. {@code only db-migrations may use Liquibase}
     * @param fix how to fix it
     */
    NotUseClassesIn(String packageIdentifier, String restriction, String fix) {
        super("not use classes in '" + packageIdentifier + "'");
        this.packages = PackageMatcher.of(packageIdentifier);
        this.restriction = restriction;
        this.fix = fix;
    }

    @Override
    public void check(JavaClass origin, ConditionEvents events) {
        List<String> messages = new ArrayList<>();
        DependencyLocations.of(origin, target -> packages.matches(target.getPackageName()))
                .forEach((target, locations) -> messages.add(origin.getName() + " uses " + target.getName() + " in "
                        + locations + ", but " + restriction + "; " + fix));
        messages.forEach(message -> events.add(SimpleConditionEvent.violated(origin, message)));
        if (messages.isEmpty()) {
            events.add(SimpleConditionEvent.satisfied(origin, origin.getName() + " uses no class in " + packages));
        }
    }
}
