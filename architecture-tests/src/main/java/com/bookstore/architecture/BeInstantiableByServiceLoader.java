package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;

/** A service provider class is public, top level or static nested, with a public no-argument constructor. */
final class BeInstantiableByServiceLoader extends ArchCondition<JavaClass> {

    BeInstantiableByServiceLoader() {
        super("be instantiable by ServiceLoader (public, with a public no-argument constructor)");
    }

    @Override
    public void check(JavaClass provider, ConditionEvents events) {
        List<String> problems = new ArrayList<>();
        if (!provider.getModifiers().contains(JavaModifier.PUBLIC)) {
            problems.add("it is not public");
        }
        if (provider.isInnerClass() || provider.isLocalClass() || provider.isAnonymousClass()) {
            problems.add("it is not a top-level or static nested class");
        }
        boolean publicNoArgConstructor = provider.getConstructors().stream()
                .anyMatch(c -> c.getRawParameterTypes().isEmpty()
                        && c.getModifiers().contains(JavaModifier.PUBLIC));
        if (!publicNoArgConstructor) {
            problems.add("it has no public no-argument constructor");
        }
        if (problems.isEmpty()) {
            events.add(SimpleConditionEvent.satisfied(provider, provider.getName() + " is instantiable"));
        } else {
            events.add(SimpleConditionEvent.violated(provider, provider.getName()
                    + " cannot be instantiated by ServiceLoader: " + String.join(", ", problems)
                    + "; make it a public top-level class with a public no-argument constructor"));
        }
    }
}
