package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.apply.ChangelogRunner;

import java.util.Set;

/** A command that runs the changelog against {@code DATABASE_URL} (or {@code --url}). */
abstract class DatabaseCommand implements Command {

    static final String DATABASE_OPTIONS = """
              --url <database url>     the database (default: DATABASE_URL from the environment, -Ddatabase.url or .env)
              --changelog-dir <dir>    resource root holding db/changelog (default db-migrations/src/main/resources)
            """;

    /** The settings of {@link #writes() writing} commands' sessions, for their help. */
    static final String TIMEOUT_SETTINGS = """
            Settings (environment, -D or .env; PostgreSQL durations such as 5s, 500ms, 2min; 0 turns it off):
              MIGRATION_LOCK_TIMEOUT       how long a statement waits for a lock before the revision stops (default 5s)
              MIGRATION_STATEMENT_TIMEOUT  how long a statement may run before the revision stops (default 0: no limit)
            """;

    @Override
    public Set<String> valuedOptions() {
        return Set.of("url", "changelog-dir");
    }

    /**
     * Whether the command changes the database (and so must hold the migration lock throughout); its session gets the
     * lock and statement timeouts.
     */
    boolean writes() {
        return false;
    }

    @Override
    public final ExitCode run(Arguments arguments, CliContext context) throws Exception {
        try (ChangelogRunner runner = writes()
                ? ChangelogRunner.open(context.changelogSource(arguments), context.database(arguments), context.timeouts())
                : ChangelogRunner.openForReading(context.changelogSource(arguments), context.database(arguments))) {
            return run(runner, arguments, context);
        }
    }

    abstract ExitCode run(ChangelogRunner runner, Arguments arguments, CliContext context) throws Exception;
}
