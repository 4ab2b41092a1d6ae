package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.migrations.internal.changelog.RevisionGenerator;
import com.bookstore.db.migrations.internal.schema.ColumnRename;
import com.bookstore.db.migrations.internal.schema.ExcludedObjects;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code generate -m "message"}: the autogenerate of Alembic, on a shadow database. */
final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write a new changelog revision with the difference between the entities and the changelogs";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate generate -m "<message>" [--author <name>] [--allow-destructive] [--blocking-ddl]
                                          [--rename <table>.<old>=<new>]... [--changelog-dir <dir>]

                Starts a private shadow PostgreSQL (never your database), applies every existing changelog to it, lets
                Hibernate create the entity model's schema beside it, and writes the difference as a new revision
                <UTC yyyyMMddHHmmss>_<slug>.xml, included from the master changelog. Nothing is written when there is
                no difference. Destructive changes (drop table, drop column, narrowing a type) are refused unless
                --allow-destructive is given; a dropped and an added column of the same type are reported as a
                probable rename: confirm it with --rename to keep the data.

                Changes on tables that exist before the revision are written in their safe form, which lets the
                service read and write those tables while the revision runs: indexes created and dropped
                CONCURRENTLY (each in a changeset with runInTransaction="false"), foreign keys and CHECKs added NOT
                VALID and validated in a later changeset, NOT NULL proven by a validated CHECK first, unique
                constraints adopting an index built CONCURRENTLY. --blocking-ddl writes the plain forms instead
                (one transaction; they block writes, or reads, of those tables while they run): for databases that
                are never under load.

                Options:
                  -m, --message <text>       what the revision does; names the file (required)
                  --author <name>            changeset author (default: MIGRATIONS_AUTHOR, git user.name, OS user)
                  --allow-destructive        write destructive changes too
                  --blocking-ddl             plain (blocking) forms instead of the safe forms on existing tables
                  --rename <t>.<old>=<new>   turn a drop of <old> plus an add of <new> into a renameColumn
                  --changelog-dir <dir>      resource root holding db/changelog (default db-migrations/src/main/resources)

                Example: ./migrate generate -m "add book subtitle"
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("m", "message", "author", "rename", "changelog-dir");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("allow-destructive", "blocking-ddl");
    }

    @Override
    public ExitCode run(Arguments arguments, CliContext context) throws Exception {
        String message = arguments.value("m").or(() -> arguments.value("message")).orElseThrow(() -> new UsageException(
                "generate needs a message: ./migrate generate -m \"add book subtitle\"."));
        List<ColumnRename> renames = arguments.all("rename").stream().map(ColumnRename::parse).toList();
        String author = arguments.value("author").orElseGet(() -> Authors.defaultAuthor(context.config()));
        RevisionGenerator.Request request = new RevisionGenerator.Request(message, author,
                arguments.flag("allow-destructive"), renames, context.clock().instant(),
                ExcludedObjects.from(context.config()));
        if (arguments.flag("blocking-ddl")) {
            request = request.withBlockingDdl();
        }
        EntityRegistry registry = context.registry().get();
        context.err().println("Generating a revision from " + registry.entityClasses().size() + " entities:");
        RevisionGenerator.Result result = RevisionGenerator.generate(registry,
                context.changelogDirectory(arguments), request, context.progress());
        PrintStream out = context.out();
        ReviewPrinter.printExcluded(out, result.excluded());
        switch (result.outcome()) {
            case NO_CHANGES -> {
                out.println("No changes: the entities and the changelogs agree. Nothing written.");
                return ExitCode.OK;
            }
            case REFUSED_DESTRUCTIVE -> {
                ReviewPrinter.print(out, result.review());
                out.println();
                out.println("Refused: " + result.review().destructive().size() + " destructive change(s) marked [DESTRUCTIVE] "
                        + "would lose data. Nothing written. If a column was renamed, use --rename; if the loss is "
                        + "intended, run again with --allow-destructive.");
                return ExitCode.DIFFERENCES_OR_REFUSED;
            }
            default -> {
                ReviewPrinter.print(out, result.review());
                ReviewPrinter.printHazards(out, result.hazards());
                out.println();
                out.println("Wrote " + result.file() + ". Review it, then apply it with ./migrate upgrade.");
                return ExitCode.OK;
            }
        }
    }

}
