package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** A class resides in {@code <root>.domain.*.model..}; the fix names the model package of its module. */
final class ResideInAModelPackage extends ArchCondition<JavaClass> {

    private final ProjectModules modules;
    private final PackageMatcher modelPackages;

    ResideInAModelPackage(ProjectModules modules) {
        super("reside in a package '" + modules.root() + ".domain.*.model..'");
        this.modules = modules;
        this.modelPackages = PackageMatcher.of(modules.root() + ".domain.*.model..");
    }

    @Override
    public void check(JavaClass entity, ConditionEvents events) {
        if (modelPackages.matches(entity.getPackageName())) {
            events.add(SimpleConditionEvent.satisfied(entity, entity.getName() + " is in a model package"));
            return;
        }
        String target = modules.moduleOf(entity)
                .filter(ProjectModule.domainModules()::contains)
                .map(module -> modules.rootPackageOf(module) + ".model")
                .orElse("the model package of the domain module that owns it (" + modules.root()
                        + ".domain.<module>.model)");
        events.add(SimpleConditionEvent.violated(entity, entity.getName()
                + " is an @Entity outside a model package; move it to " + target));
    }
}
