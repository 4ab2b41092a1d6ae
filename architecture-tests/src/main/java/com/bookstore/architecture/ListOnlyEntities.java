package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Every class an {@code EntityContributor} lists in {@code entityClasses()} is annotated {@code @Entity}. */
final class ListOnlyEntities extends ArchCondition<JavaClass> {

    ListOnlyEntities() {
        super("list only @Entity classes in entityClasses()");
    }

    @Override
    public void check(JavaClass contributor, ConditionEvents events) {
        EntityContributors.Listing listing = EntityContributors.list(contributor);
        if (!listing.instantiable()) {
            // reported by BeInstantiableByServiceLoader; nothing to list
            return;
        }
        listing.problem().ifPresent(problem -> events.add(SimpleConditionEvent.violated(contributor, problem)));
        String method = contributor.getName() + ".entityClasses()";
        for (Class<?> listed : listing.entityClasses()) {
            if (listed == null) {
                events.add(SimpleConditionEvent.violated(contributor,
                        method + " lists null; remove the null entry"));
            } else if (!Jpa.isEntity(listed)) {
                events.add(SimpleConditionEvent.violated(contributor, listed.getName() + " is listed by " + method
                        + " but is not annotated @" + Jpa.ENTITY + "; annotate it with @Entity or remove "
                        + listed.getSimpleName() + ".class from " + method));
            } else {
                events.add(SimpleConditionEvent.satisfied(contributor, listed.getName() + " is an @Entity"));
            }
        }
    }
}
