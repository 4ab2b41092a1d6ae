package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.AbstractClassesTransformer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the imported classes into one {@link EntityRegistration} per {@code @Entity} below a root package: the
 * contributors among the imported classes are instantiated and asked for their {@code entityClasses()}.
 */
final class EntityRegistrations extends AbstractClassesTransformer<EntityRegistration> {

    private final String rootPackage;

    EntityRegistrations(String rootPackage) {
        super("@Entity classes in '" + rootPackage + "..'");
        this.rootPackage = rootPackage;
    }

    @Override
    public Iterable<EntityRegistration> doTransform(JavaClasses classes) {
        List<JavaClass> contributors = classes.stream()
                .filter(EntityContributors::isContributor)
                .sorted(Comparator.comparing(JavaClass::getName))
                .toList();
        Map<String, List<JavaClass>> listedBy = new HashMap<>();
        for (JavaClass contributor : contributors) {
            for (Class<?> listed : EntityContributors.list(contributor).entityClasses()) {
                if (listed != null) {
                    listedBy.computeIfAbsent(listed.getName(), name -> new ArrayList<>()).add(contributor);
                }
            }
        }
        return classes.stream()
                .filter(Jpa::isEntity)
                .filter(entity -> entity.getPackageName().equals(rootPackage)
                        || entity.getPackageName().startsWith(rootPackage + "."))
                .sorted(Comparator.comparing(JavaClass::getName))
                .map(entity -> new EntityRegistration(entity, List.copyOf(listedBy.getOrDefault(entity.getName(),
                        List.of())), moduleContributor(entity, contributors)))
                .collect(Collectors.toList());
    }

    /** The contributor whose package is the closest enclosing package of the entity's package. */
    private static Optional<JavaClass> moduleContributor(JavaClass entity, List<JavaClass> contributors) {
        String entityPackage = entity.getPackageName();
        return contributors.stream()
                .filter(c -> entityPackage.equals(c.getPackageName())
                        || entityPackage.startsWith(c.getPackageName() + "."))
                .max(Comparator.comparingInt((JavaClass c) -> c.getPackageName().length())
                        .thenComparing(JavaClass::getName, Comparator.reverseOrder()));
    }
}
