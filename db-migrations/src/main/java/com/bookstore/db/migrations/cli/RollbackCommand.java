package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.apply.ChangelogRunner;

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

                Options:
                  --count <N>              how many revisions to roll back (required, at least 1)
                """ + DATABASE_OPTIONS;
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
        int applied = runner.history().size();
        if (count > applied) {
            throw new UsageException("--count " + count + " is more than the " + applied
                    + " revision(s) applied to this database; see ./migrate history and use --count " + applied + " or less.");
        }
        runner.rollback(count);
        context.out().println("Rolled back " + count + " revision(s).");
        return ExitCode.OK;
    }
}
