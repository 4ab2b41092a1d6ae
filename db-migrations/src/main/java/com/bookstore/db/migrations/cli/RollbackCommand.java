package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.MarkedRanRollbackException;
import com.bookstore.db.migrations.apply.RollbackStoppedException;
import com.bookstore.db.migrations.apply.Revision;
import com.bookstore.db.migrations.apply.UnknownHistoryException;
import liquibase.changelog.RanChangeSet;

import java.util.List;
import java.util.Set;

/** {@code rollback --count N}: {@code alembic downgrade -N}. */
final class RollbackCommand extends DatabaseCommand {

    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public String summary() {
        return "roll back the last N applied revisions";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate rollback --count <N> [--url <database url>] [--changelog-dir <dir>]

                Runs the rollback of the last N applied revisions, newest first. Generated revisions carry their own
                rollback (the reverse diff). Data removed by the rollback of a revision (e.g. a column it added) is lost.
                Prints the revisions rolled back (id and file). Refuses, rolling back nothing (exit 1), when the database
                has applied revisions this build does not know (a newer build ran there).

                Options:
                  --count <N>              how many revisions to roll back (required, at least 1)
                """ + DATABASE_OPTIONS + "\n" + TIMEOUT_SETTINGS;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("url", "changelog-dir", "count");
    }

    @Override
    boolean writes() {
        return true;
    }

    @Override
    ExitCode run(ChangelogRunner runner, Arguments arguments, CliContext context) throws Exception {
        String raw = arguments.value("count").orElseThrow(() -> new UsageException(
                "rollback needs --count <N>, the number of revisions to roll back, e.g. ./migrate rollback --count 1."));
        int count;
        try {
            count = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new UsageException("--count must be a whole number of at least 1, not '" + raw + "'.");
        }
        if (count < 1) {
            throw new UsageException("--count must be at least 1, not " + count + ".");
        }
        List<RanChangeSet> unknown = runner.unknownApplied();
        if (!unknown.isEmpty()) {
            // checked before --count: whatever the count, this build must not roll back this database
            context.out().println(UnknownHistoryException.refusingRollback(unknown).getMessage());
            return ExitCode.DIFFERENCES_OR_REFUSED;
        }
        int applied = runner.revisionsApplied();
        if (count > applied) {
            throw new UsageException("--count " + count + " is more than the " + applied
                    + " revision(s) applied to this database; see ./migrate history and use --count " + applied + " or less.");
        }
        List<Revision> rolledBack;
        try {
            rolledBack = runner.rollback(count);
        } catch (UnknownHistoryException | MarkedRanRollbackException refused) { // (unknown: a newer build upgraded in between)
            context.out().println(refused.getMessage());
            return ExitCode.DIFFERENCES_OR_REFUSED;
        } catch (RollbackStoppedException stopped) {
            if (!stopped.rolledBack().isEmpty()) {
                printRolledBack(context, stopped.rolledBack());
            }
            throw stopped;
        }
        printRolledBack(context, rolledBack);
        return ExitCode.OK;
    }

    private static void printRolledBack(CliContext context, List<Revision> rolledBack) {
        long revisions = rolledBack.stream().map(Revision::file).distinct().count();
        context.out().println("Rolled back " + revisions + " revision(s)" + (revisions == rolledBack.size() ? ""
                : " (" + rolledBack.size() + " changesets)") + ", newest first:");
        int width = rolledBack.stream().mapToInt(r -> r.id().length()).max().orElse(0);
        for (Revision revision : rolledBack) {
            context.out().println("  " + String.format("%-" + width + "s", revision.id()) + "  " + revision.file());
        }
    }
}
