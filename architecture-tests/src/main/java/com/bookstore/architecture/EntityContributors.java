package com.bookstore.architecture;

import com.bookstore.db.core.spi.EntityContributor;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Finds {@link EntityContributor} implementations among imported classes and asks them for their entities. */
final class EntityContributors {

    private EntityContributors() {
    }

    /** Concrete classes implementing {@link EntityContributor}. */
    static DescribedPredicate<JavaClass> entityContributors() {
        return DescribedPredicate.describe("concrete classes implementing " + EntityContributor.class.getSimpleName(),
                EntityContributors::isContributor);
    }

    static boolean isContributor(JavaClass javaClass) {
        return !javaClass.isInterface()
                && !javaClass.getModifiers().contains(JavaModifier.ABSTRACT)
                && javaClass.isAssignableTo(EntityContributor.class);
    }

    /**
     * Instantiates the contributor the way {@code ServiceLoader} does (public no-argument constructor) and calls
     * {@code entityClasses()}.
     */
    static Listing list(JavaClass contributor) {
        Object instance;
        try {
            instance = contributor.reflect().getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new Listing(contributor, List.of(), Optional.empty(), false);
        }
        try {
            List<Class<?>> classes = ((EntityContributor) instance).entityClasses();
            if (classes == null) {
                return new Listing(contributor, List.of(), Optional.of(contributor.getName()
                        + ".entityClasses() returned null; return the list of the module's entity classes "
                        + "(List.of() if there are none)"), true);
            }
            return new Listing(contributor, Collections.unmodifiableList(new ArrayList<>(classes)), Optional.empty(),
                    true);
        } catch (RuntimeException | LinkageError e) {
            return new Listing(contributor, List.of(), Optional.of(contributor.getName() + ".entityClasses() threw "
                    + e + "; make it return the list of the module's entity classes without side effects"), true);
        }
    }

    /**
     * What one contributor lists.
     *
     * @param contributor the contributor class
     * @param entityClasses the listed classes, possibly with {@code null} entries
     * @param problem why the list could not be obtained, if it could not
     * @param instantiable whether a public no-argument constructor created it
     */
    record Listing(JavaClass contributor, List<Class<?>> entityClasses, Optional<String> problem,
            boolean instantiable) {
    }
}
