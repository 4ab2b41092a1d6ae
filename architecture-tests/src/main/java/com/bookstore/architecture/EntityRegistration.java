package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;

import java.util.List;
import java.util.Optional;

/**
 * One {@code @Entity} class with every contributor that lists it (once per listing) and the contributor of the module
 * it belongs to, if that module has one.
 */
record EntityRegistration(JavaClass entity, List<JavaClass> listedBy, Optional<JavaClass> moduleContributor) {

    @Override
    public String toString() {
        return entity.getName();
    }
}
