package com.bookstore.db.migrations.apply;

import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.Resource;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A changelog directory whose files may read only files under it. Liquibase 4.33 resolves an {@code <include>},
 * {@code <includeAll>} or {@code <sqlFile>} path such as {@code ../shared/seed.sql} outside the resource root; such a
 * file is not in the db-migrations jar that services migrate from, and no changelog fingerprint covers it, so a kept
 * migrated shadow would not see it change. Reading one stops the command, naming it.
 */
final class ConfinedDirectoryResourceAccessor extends DirectoryResourceAccessor {

    private final Path root;

    ConfinedDirectoryResourceAccessor(Path root) throws FileNotFoundException {
        super(root);
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<Resource> getAll(String path) throws IOException {
        return confined(path, super.getAll(path));
    }

    @Override
    public List<Resource> search(String path, SearchOptions options) throws IOException {
        return confined(path, super.search(path, options));
    }

    @Override
    public List<Resource> search(String path, boolean recursive) throws IOException {
        return confined(path, super.search(path, recursive));
    }

    private List<Resource> confined(String asked, List<Resource> found) throws IOException {
        if (found != null) {
            for (Resource resource : found) {
                Path file = Path.of(resource.getUri()).toAbsolutePath().normalize();
                if (!file.startsWith(root)) {
                    throw new IllegalArgumentException("The changelog reads " + asked + " (" + file + "), outside its resource root "
                            + root + ": that file is not part of the db-migrations jar services migrate from, and a "
                            + "change to it would go unseen. Move it under the resource root and refer to it from there.");
                }
            }
        }
        return found;
    }
}
