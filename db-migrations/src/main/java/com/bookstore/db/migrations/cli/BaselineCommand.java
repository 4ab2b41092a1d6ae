package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.MigrationTimeouts;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.internal.schema.Progress;
import com.bookstore.db.migrations.internal.schema.SchemaComparator;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code baseline}: adopts a database whose schema was made without the changelogs ({@code ddl-auto=update}, by hand,
 * by another tool). Builds what the changelogs build in a private shadow PostgreSQL, compares it with the live
 * database, and only when they agree records the revisions as applied without running them (Liquibase's
 * changelog-sync), under the migration lock. When they differ it lists the differences and changes nothing.
 */
final class BaselineCommand extends DatabaseCommand {

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public String summary() {
        return "record the revisions as applied to an existing database whose schema already matches them";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate baseline [--to <revision id or file>] [--url <database url>] [--changelog-dir <dir>]

                For a database whose schema was created without the changelogs (Hibernate ddl-auto, by hand): builds
                the schema the changelogs define in a private shadow PostgreSQL (never your database) and compares it
                with the database. When they agree, records every revision (or those up to --to) as applied, without
                running any, so that upgrade then applies only the later ones. When they differ, lists every
                difference and records nothing (exit 1). Refuses (exit 1) a database that already has migration
                history: use ./migrate status and upgrade there.

                Options:
                  --to <revision>          record only up to this revision: its id (20261125081916_baseline) or file
                                           (changes/20261125081916_baseline.xml); the database must match the schema
                                           the changelogs build up to it
                """ + DATABASE_OPTIONS + "\n" + TIMEOUT_SETTINGS + """

                Example: DATABASE_URL=postgresql://app:secret@localhost:5432/bookstore ./migrate baseline
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> options = new HashSet<>(super.valuedOptions());
        options.add("to");
        return options;
    }

    @Override
    boolean writes() {
        return true; // holds the migration lock from the history check to the recording
    }

    @Override
    ExitCode run(ChangelogRunner live, Arguments arguments, CliContext context) throws Exception {
        DatabaseSettings database = context.database(arguments);
        List<RanChangeSet> history = live.history();
        if (!history.isEmpty()) {
            RanChangeSet last = history.get(history.size() - 1);
            context.out().println("Refused: " + database.maskedUrl() + " already has migration history ("
                    + history.size() + " revision(s) recorded, the last " + last.getId() + "). baseline is for a database "
                    + "that no revision was ever applied to. Nothing recorded. Use ./migrate status to see what is "
                    + "pending and ./migrate upgrade to apply it.");
            return ExitCode.DIFFERENCES_OR_REFUSED;
        }
        // what Liquibase runs on this empty history, as update(int) and recordAsApplied(int) count it
        List<ChangeSet> all = live.unrunOnEmptyHistory();
        if (all.isEmpty()) {
            throw new UsageException("The changelog has no revision to record. Generate one first: "
                    + "./migrate generate -m \"baseline\".");
        }
        int count = arguments.value("to").map(to -> upTo(all, to)).orElse(all.size());
        String last = all.get(count - 1).getId();
        String scope = count == all.size() ? "every revision (" + count + ", up to " + last + ")"
                : count + " of " + all.size() + " revision(s), up to " + last;

        ChangelogSource changelogs = context.changelogSource(arguments);
        Progress progress = context.progress();
        context.err().println("Comparing " + database.maskedUrl() + " with the schema the changelogs build, " + scope + ":");
        SchemaDiff diff;
        try (ScratchDatabases shadow = progress.step("starting shadow PostgreSQL", ScratchDatabases::embedded)) {
            DatabaseSettings built = shadow.create("baseline");
            progress.step("applying " + count + " revision(s) to the shadow database", () -> {
                try (ChangelogRunner runner = ChangelogRunner.open(changelogs, built, MigrationTimeouts.NONE)) {
                    runner.update(count);
                }
                return null;
            });
            diff = progress.step("comparing with " + database.maskedUrl(),
                    () -> SchemaComparator.compareDatabases(built, database));
        }
        if (!diff.isEmpty() && isEmpty(database)) {
            context.out().println("Refused: " + database.maskedUrl() + " has no table: there is nothing to baseline. "
                    + "Nothing recorded. Create the schema with ./migrate upgrade instead.");
            return ExitCode.DIFFERENCES_OR_REFUSED;
        }
        if (!diff.isEmpty()) {
            context.out().println("Refused: " + database.maskedUrl() + " differs from the schema the changelogs build ("
                    + scope + "). Nothing recorded. What the database lacks or has in excess, as the changes that would "
                    + "make it match the changelogs:");
            ReviewPrinter.print(context.out(), diff.review());
            context.out().println("Make the database match (apply these changes by hand, after review), or baseline "
                    + "--to the revision it does match and let ./migrate upgrade apply the rest; then run baseline again.");
            return ExitCode.DIFFERENCES_OR_REFUSED;
        }
        // views, functions, triggers, ... of hand-written revisions are not compared: the database must have each one
        List<String> lacking = diff.wanted().uncovered().stream().filter(o -> !diff.current().uncovered().contains(o))
                .toList();
        if (!lacking.isEmpty()) {
            context.out().println("Refused: " + database.maskedUrl() + " lacks what the changelogs create and the "
                    + "comparison cannot compare: " + String.join(", ", lacking) + ". Nothing recorded. Create them in "
                    + "the database as their revisions do, or baseline --to the revision before the first of them and "
                    + "let ./migrate upgrade apply the rest.");
            return ExitCode.DIFFERENCES_OR_REFUSED;
        }
        ReviewPrinter.printUncovered(context.out(), diff.current().uncovered());
        List<String> recorded = live.recordAsApplied(count);
        context.out().println("Baselined " + database.maskedUrl() + ": the schema matches the changelogs; recorded "
                + recorded.size() + " revision(s) as applied without running them: " + String.join(", ", recorded) + ".");
        if (count < all.size()) {
            context.out().println((all.size() - count) + " later revision(s) pending: apply them with ./migrate upgrade.");
        }
        return ExitCode.OK;
    }

    /** Whether the database has no table of its own in {@code public} (Liquibase's bookkeeping tables aside). */
    private static boolean isEmpty(DatabaseSettings database) throws SQLException {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from pg_tables where schemaname = 'public' "
                     + "and tablename not like 'databasechangelog%'")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /**
     * How many changesets, from the first, up to and including the revision {@code to} names (an id or a file): all
     * the changesets of its file, since a revision written in safe forms has several.
     */
    static int upTo(List<ChangeSet> changeSets, String to) {
        String wanted = to.strip().replace('\\', '/');
        int found = -1;
        for (int i = 0; i < changeSets.size(); i++) {
            ChangeSet changeSet = changeSets.get(i);
            String path = changeSet.getFilePath() == null ? "" : changeSet.getFilePath().replace('\\', '/');
            if (changeSet.getId().equals(wanted) || path.equals(wanted) || path.endsWith("/" + wanted)) {
                found = i;
            }
        }
        if (found < 0) {
            List<String> ids = changeSets.stream().map(ChangeSet::getId).toList();
            String known = ids.size() <= 6 ? String.join(", ", ids)
                    : String.join(", ", ids.subList(0, 3)) + ", ..., " + String.join(", ", ids.subList(ids.size() - 3, ids.size()));
            throw new UsageException("--to " + to + " names no revision of the changelog. Give a revision id or file "
                    + "name as ./migrate history or the changes directory shows them: " + known + ".");
        }
        String file = changeSets.get(found).getFilePath();
        while (found + 1 < changeSets.size() && java.util.Objects.equals(changeSets.get(found + 1).getFilePath(), file)) {
            found++;
        }
        return found + 1;
    }
}
