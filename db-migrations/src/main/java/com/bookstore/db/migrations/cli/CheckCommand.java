package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.internal.schema.ExcludedObjects;
import com.bookstore.db.migrations.internal.schema.LiquibaseDatabases;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import com.bookstore.db.migrations.internal.schema.ShadowComparison;

import java.sql.Connection;
import java.util.Set;

/** {@code check}: {@code alembic check} / {@code makemigrations --check}, and drift detection on a live database. */
final class CheckCommand implements Command {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "exit 1 and list the differences when the entities and the changelogs (or a live database) disagree";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate check [--live] [--url <database url>] [--changelog-dir <dir>]

                Without --live/--url: applies the changelogs to a private shadow PostgreSQL and compares the result with
                the entity model; exits 0 when they agree, 1 with every difference listed when an entity changed
                without a revision (run ./migrate generate).
                With --url, or --live (uses DATABASE_URL): compares the entity model with that live database instead,
                to find drift made by hand or revisions not applied there.

                Example: ./migrate check
                         ./migrate check --live
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("url", "changelog-dir");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("live");
    }

    @Override
    public ExitCode run(Arguments arguments, CliContext context) throws Exception {
        boolean live = arguments.flag("live") || arguments.value("url").isPresent();
        SchemaDiff diff;
        String against;
        if (live) {
            DatabaseSettings database = context.database(arguments);
            against = database.maskedUrl();
            context.err().println("Checking the entity model against " + against + ":");
            // a wrong URL or password is reported at once, not after the shadow server started
            try (Connection probe = MigrationConnections.unpooled(database).getConnection()) {
                probe.isValid(5);
                LiquibaseDatabases.requirePublicSchema(probe, database);
            }
            diff = ShadowComparison.modelVersusDatabase(context.registry().get(), database,
                    ExcludedObjects.from(context.config()), context.progress());
        } else {
            against = "the changelogs";
            context.err().println("Checking the entity model against the changelogs:");
            diff = ShadowComparison.modelVersusChangelogs(context.registry().get(), context.changelogSource(arguments),
                    ExcludedObjects.from(context.config()), context.progress());
        }
        ReviewPrinter.printExcluded(context.out(), diff.excluded());
        ReviewPrinter.printUncovered(context.out(), diff.current().uncovered());
        if (diff.isEmpty()) {
            context.out().println("OK: the entity model and " + against + " agree.");
            return ExitCode.OK;
        }
        context.out().println("DRIFT: the entity model and " + against + " differ. To make them agree:");
        ReviewPrinter.print(context.out(), diff.review());
        context.out().println(live
                ? "Apply the pending revisions with ./migrate upgrade, or generate one for changes made by hand."
                : "Run ./migrate generate -m \"<what changed>\" and commit the new revision.");
        return ExitCode.DIFFERENCES_OR_REFUSED;
    }
}
