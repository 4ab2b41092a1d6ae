package com.bookstore.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;

/** Predicates on the JPA mapping annotations. */
final class Jpa {

    static final String ENTITY = Entity.class.getName();

    private Jpa() {
    }

    /** Classes annotated {@code @Entity}. */
    static DescribedPredicate<JavaClass> entities() {
        return annotatedWith(Entity.class).<JavaClass>forSubtype().as("@Entity classes");
    }

    /** Classes whose fields become columns: {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}. */
    static DescribedPredicate<JavaClass> persistentTypes() {
        return annotatedWith(Entity.class).or(annotatedWith(Embeddable.class)).or(annotatedWith(MappedSuperclass.class))
                .<JavaClass>forSubtype().as("@Entity, @Embeddable or @MappedSuperclass classes");
    }

    static boolean isEntity(JavaClass javaClass) {
        return javaClass.isAnnotatedWith(Entity.class);
    }

    static boolean isEntity(Class<?> type) {
        return type.isAnnotationPresent(Entity.class);
    }
}
