package com.bookstore.db.migrations.apply;

import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Where the master changelog is read from: a resource root on disk (developers, {@code ./migrate}) or the class path
 * (services that depend on the db-migrations jar). Both give Liquibase the same relative path
 * ({@value ChangelogDirectory#MASTER}), so both are recognised as the same changelog.
 *
 * @param resourceRoot the resource root on disk, or empty for the class path
 */
public record ChangelogSource(ResourceAccessor resourceAccessor, String masterPath, String description,
        java.util.Optional<Path> resourceRoot) {

    /** Whether the master changelog exists (a project with no revision yet has none). */
    public boolean exists() {
        try {
            return resourceAccessor.get(masterPath).exists();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public static ChangelogSource directory(Path resourceRoot) {
        try {
            return new ChangelogSource(new ConfinedDirectoryResourceAccessor(resourceRoot), ChangelogDirectory.MASTER,
                    resourceRoot.resolve(ChangelogDirectory.MASTER).toString(), java.util.Optional.of(resourceRoot));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("The changelog directory " + resourceRoot.toAbsolutePath()
                    + " does not exist. Run from the repository root or pass --changelog-dir.", e);
        }
    }

    public static ChangelogSource classpath() {
        return new ChangelogSource(new ClassLoaderResourceAccessor(ChangelogSource.class.getClassLoader()),
                ChangelogDirectory.MASTER, "classpath:" + ChangelogDirectory.MASTER, java.util.Optional.empty());
    }
}
