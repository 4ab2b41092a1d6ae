package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.apply.ChangelogRunner;
import liquibase.changelog.RanChangeSet;

import java.text.SimpleDateFormat;
import java.util.List;
import java.util.TimeZone;

/** {@code history}: the revisions applied to the database. */
final class HistoryCommand extends DatabaseCommand {

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String summary() {
        return "list the revisions applied to DATABASE_URL";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate history [--url <database url>] [--changelog-dir <dir>]

                Lists the applied revisions, oldest first, with when and by whom.

                Options:
                """ + DATABASE_OPTIONS;
    }

    @Override
    ExitCode run(ChangelogRunner runner, Arguments arguments, CliContext context) throws Exception {
        List<RanChangeSet> history = runner.history();
        if (history.isEmpty()) {
            context.out().println("No revision applied yet.");
            return ExitCode.OK;
        }
        SimpleDateFormat utc = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss 'UTC'");
        utc.setTimeZone(TimeZone.getTimeZone("UTC"));
        context.out().println(history.size() + " applied revision(s):");
        for (RanChangeSet ran : history) {
            context.out().println("  " + ran.getId() + "  by " + ran.getAuthor() + "  at "
                    + (ran.getDateExecuted() == null ? "?" : utc.format(ran.getDateExecuted())));
        }
        return ExitCode.OK;
    }
}
