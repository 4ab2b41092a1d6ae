package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An {@code @Entity} is listed by exactly one {@code EntityContributor}, exactly once. */
final class BeRegisteredByExactlyOneContributor extends ArchCondition<EntityRegistration> {

    private final String servicesResource;

    BeRegisteredByExactlyOneContributor(String servicesResource) {
        super("be registered by exactly one EntityContributor");
        this.servicesResource = servicesResource;
    }

    @Override
    public void check(EntityRegistration registration, ConditionEvents events) {
        JavaClass entity = registration.entity();
        List<JavaClass> listedBy = registration.listedBy();
        Set<JavaClass> contributors = new LinkedHashSet<>(listedBy);
        String classLiteral = entity.getSimpleName() + ".class";
        String message;
        if (listedBy.isEmpty()) {
            message = entity.getName() + " is an @Entity but no EntityContributor lists it; add " + classLiteral
                    + " to " + registration.moduleContributor()
                            .map(c -> c.getName() + ".entityClasses()")
                            .orElse("the entityClasses() of its module's EntityContributor (there is none in or above "
                                    + entity.getPackageName() + ": create one and declare it in " + servicesResource
                                    + ")");
        } else if (contributors.size() == 1 && listedBy.size() > 1) {
            JavaClass contributor = listedBy.get(0);
            message = entity.getName() + " is listed " + listedBy.size() + " times by " + contributor.getName()
                    + ".entityClasses(); remove the duplicate " + classLiteral;
        } else if (contributors.size() > 1) {
            String names = contributors.stream().map(JavaClass::getName).collect(Collectors.joining(" and "));
            String fix = registration.moduleContributor()
                    .filter(contributors::contains)
                    .map(keep -> "keep it in " + keep.getName() + " and remove " + classLiteral + " from "
                            + contributors.stream().filter(c -> !c.equals(keep))
                                    .map(c -> c.getName() + ".entityClasses()").collect(Collectors.joining(" and ")))
                    .orElse("keep " + classLiteral + " only in the contributor of the module that owns it");
            message = entity.getName() + " is registered by " + contributors.size() + " EntityContributors: " + names
                    + "; an entity belongs to exactly one module: " + fix;
        } else {
            events.add(SimpleConditionEvent.satisfied(registration, entity.getName() + " is registered by "
                    + listedBy.get(0).getName()));
            return;
        }
        events.add(SimpleConditionEvent.violated(registration, message));
    }
}
