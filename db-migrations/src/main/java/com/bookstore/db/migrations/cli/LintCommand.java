package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.CatalogReader;
import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;
import com.bookstore.db.migrations.internal.hazard.HazardReport;
import com.bookstore.db.migrations.internal.lint.RevisionLint;
import com.bookstore.db.migrations.internal.lint.RevisionLinter;
import com.bookstore.db.migrations.internal.lint.RevisionSource;
import com.bookstore.db.migrations.internal.lint.Waivers;
import liquibase.changelog.ChangeSet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code lint [file...]}: the hazards of revisions for a deploy while the service runs (locks that stop it, changes
 * that break its previous version), the same analysis {@code generate} prints, on files as they are: the ones given,
 * else the revisions pending on {@code DATABASE_URL}'s database, else every revision file of the changelog directory.
 */
final class LintCommand implements Command {

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String summary() {
        return "report the locks and breakage of revisions for a zero-downtime deploy (exit 1 on an unwaived hazard)";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate lint [<revision file>...] [--all] [--url <database url>] [--changelog-dir <dir>]

                Reports, for each statement of a revision on a table that exists before it (tables the same revision
                creates are exempt), the hazard for a deploy while the service runs: the PostgreSQL lock it takes and
                what that lock blocks, whether it scans or rewrites the table, or whether it breaks the previous
                version of the service (renames, drops), with the safe alternative. Liquibase changes (addColumn,
                createIndex, addForeignKeyConstraint...) are judged by the SQL they generate for PostgreSQL.

                Which revisions: the files given; without files, the revisions pending on DATABASE_URL (or --url) when
                it is set, judged against that database's column types; otherwise (or with --all) every revision
                file of the changelog directory, in order.

                A hazard that is acceptable is waived in the revision file, with the rule and a reason:
                  <!-- migrate-lint: allow create-index-blocking-writes: the table is empty in production -->
                  -- migrate-lint: allow create-index-blocking-writes: the table is empty in production   (in .sql)
                A waiver covers that rule in its whole file; a waiver without a reason, or naming no rule, is an error.

                Exit codes: 0 no hazard without a waiver, 1 at least one (or a bad waiver), 2 a file that is missing
                or cannot be parsed.

                Options:
                  --all                      every revision file of the changelog directory, even with DATABASE_URL set
                  --url <database url>       lint the revisions pending on this database instead of DATABASE_URL's
                  --changelog-dir <dir>      resource root holding db/changelog (default db-migrations/src/main/resources)

                Example: ./migrate lint db-migrations/src/main/resources/db/changelog/changes/20261201090000_add_isbn_index.xml
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("url", "changelog-dir");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("all");
    }

    @Override
    public boolean takesArguments() {
        return true;
    }

    /** The revisions chosen, what the report says of the choice, and the database's catalog when known. */
    private record Selection(List<RevisionSource> revisions, String description, Catalog catalog) {
    }

    @Override
    public ExitCode run(Arguments arguments, CliContext context) throws Exception {
        List<String> files = arguments.positional();
        if (!files.isEmpty() && (arguments.flag("all") || arguments.value("url").isPresent())) {
            throw new UsageException("lint takes revision files or --all or --url, not both. See ./migrate lint --help.");
        }
        if (arguments.flag("all") && arguments.value("url").isPresent()) {
            throw new UsageException("lint takes --all or --url, not both. See ./migrate lint --help.");
        }
        Selection selection;
        if (!files.isEmpty()) {
            selection = new Selection(files.stream().map(Path::of).map(RevisionSource::read).toList(),
                    files.size() + " revision file(s) given", null);
        } else if (!arguments.flag("all") && (arguments.value("url").isPresent()
                || context.config().get(DatabaseSettings.DATABASE_URL).filter(v -> !v.isBlank()).isPresent())) {
            selection = pending(arguments, context);
        } else {
            selection = everyFile(arguments, context);
        }
        PrintStream out = context.out();
        out.println("Linting " + selection.description() + ".");
        RevisionLinter linter = new RevisionLinter(selection.catalog());
        List<RevisionLint> results = selection.revisions().stream().map(linter::lint).toList();
        return report(out, results);
    }

    /** The revisions pending on the database, judged against its catalog. */
    private static Selection pending(Arguments arguments, CliContext context) throws Exception {
        DatabaseSettings settings = context.database(arguments);
        ChangelogSource source = context.changelogSource(arguments);
        List<ChangeSet> pending;
        try (ChangelogRunner runner = ChangelogRunner.openForReading(source, settings)) {
            pending = runner.pending();
        }
        Catalog catalog;
        try (Connection connection = MigrationConnections.unpooled(settings).getConnection()) {
            catalog = CatalogReader.read(connection, CatalogReader.userSchemas(connection));
        }
        Map<String, List<ChangeSet>> byFile = new LinkedHashMap<>();
        pending.forEach(cs -> byFile.computeIfAbsent(cs.getFilePath(), f -> new ArrayList<>()).add(cs));
        Path root = context.changelogDirectory(arguments).resourceRoot();
        List<RevisionSource> revisions = byFile.entrySet().stream()
                .map(e -> RevisionSource.pending(root, e.getKey(), e.getValue())).toList();
        String from = arguments.value("url").isPresent() ? "--url" : "DATABASE_URL";
        return new Selection(revisions, "the " + revisions.size() + " revision(s) pending on " + settings.maskedUrl() + " ("
                + from + "), against its column types", catalog);
    }

    /** Every revision file of the changelog directory, in name (so time) order. */
    private static Selection everyFile(Arguments arguments, CliContext context) {
        ChangelogDirectory directory = context.changelogDirectory(arguments);
        Path changes = directory.resourceRoot().resolve(ChangelogDirectory.CHANGES_DIR);
        if (!Files.isDirectory(changes)) {
            throw new UsageException("No revision directory at " + changes.toAbsolutePath() + ". Give revision files, "
                    + "or pass --changelog-dir <resource root>.");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(changes)) {
            files = listing.filter(f -> f.getFileName().toString().matches(".*\\.(xml|sql)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + changes + ": " + e.getMessage(), e);
        }
        String why = arguments.flag("all") ? "--all" : "DATABASE_URL is not set, so no database says what is pending";
        return new Selection(files.stream().map(RevisionSource::read).toList(), "every revision file of " + changes + " ("
                + files.size() + "; " + why + ")", null);
    }

    private static ExitCode report(PrintStream out, List<RevisionLint> results) {
        int unwaived = 0;
        int waived = 0;
        int problems = 0;
        Set<String> lockedWithoutTimeout = new TreeSet<>();
        for (RevisionLint lint : results) {
            for (RevisionLint.Finding finding : lint.findings()) {
                if (finding.waived()) {
                    waived++;
                    out.println("waived " + finding.hazard().rule().id() + " in " + lint.revision() + " (line "
                            + finding.waiver().line() + ": " + finding.waiver().reason() + "): "
                            + finding.hazard().shortStatement(120));
                } else {
                    unwaived++;
                    out.println();
                    HazardPrinter.print(out, finding.hazard(), lint.revision(), Waivers.comment(finding.hazard().rule(), lint.sql()));
                }
            }
            for (Waivers.Problem problem : lint.waiverProblems()) {
                problems++;
                out.println();
                out.println("BAD WAIVER in " + lint.revision() + ", line " + problem.line() + ": '" + problem.text() + "' "
                        + problem.problem() + ".");
            }
            for (Waivers.Waiver waiver : lint.unusedWaivers()) {
                out.println("note: the waiver of " + waiver.rule().id() + " in " + lint.revision() + " (line " + waiver.line()
                        + ") matches no hazard of that file; remove it if the change was rewritten.");
            }
            if (!lint.setsLockTimeout()) {
                lockedWithoutTimeout.addAll(lint.lockedTables());
            }
        }
        out.println();
        HazardReport.lockQueueNote(lockedWithoutTimeout, false).ifPresent(out::println);
        int total = waived + unwaived;
        if (unwaived == 0 && problems == 0) {
            out.println(total == 0 ? "No hazard in " + results.size() + " revision(s)."
                    : "No hazard without a waiver in " + results.size() + " revision(s) (" + waived + " waived).");
            return ExitCode.OK;
        }
        out.println(total + " hazard(s) in " + results.size() + " revision(s): " + unwaived + " without a waiver, " + waived
                + " waived" + (problems == 0 ? "" : "; " + problems + " bad waiver(s)") + ". Write each change in its "
                + "safe form (\"instead\"), or waive it in its file with the rule and the reason it is safe there.");
        return ExitCode.DIFFERENCES_OR_REFUSED;
    }
}
