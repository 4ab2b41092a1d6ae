package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.apply.ChangelogRunner;

import java.util.Set;

/** A command that runs the changelog against {@code DATABASE_URL} (or {@code --url}). */
abstract class DatabaseCommand implements Command {

    static final String DATABASE_OPTIONS = """
              --url <database url>     the database (default: DATABASE_URL from the environment, -Ddatabase.url or .env)
              --changelog-dir <dir>    resource root holding db/changelog (default db-migrations/src/main/resources)
            """;

    @Override
    public Set<String> valuedOptions() {
        return Set.of("url", "changelog-dir");
    }

    /** Whether the command changes the database (and so must hold the migration lock throughout). */
    boolean writes() {
        return false;
    }

    @Override
    public final ExitCode run(Arguments arguments, CliContext context) throws Exception {
        try (ChangelogRunner runner = writes()
                ? ChangelogRunner.open(context.changelogSource(arguments), context.database(arguments))
                : ChangelogRunner.openForReading(context.changelogSource(arguments), context.database(arguments))) {
            return run(runner, arguments, context);
        }
    }

    abstract ExitCode run(ChangelogRunner runner, Arguments arguments, CliContext context) throws Exception;
}
