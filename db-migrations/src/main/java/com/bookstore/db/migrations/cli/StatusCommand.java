package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.OutOfOrder;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;

import java.util.List;

/** {@code status}: which revisions {@code upgrade} would apply. */
final class StatusCommand extends DatabaseCommand {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "list the revisions not yet applied to DATABASE_URL";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate status [--url <database url>] [--changelog-dir <dir>]

                Lists the pending revisions, oldest first, and, when the last upgrade failed, which revision failed and
                why. Exit code 0 either way.

                Options:
                """ + DATABASE_OPTIONS;
    }

    @Override
    ExitCode run(ChangelogRunner runner, Arguments arguments, CliContext context) throws Exception {
        List<ChangeSet> pending = runner.pending();
        if (pending.isEmpty()) {
            context.out().println("Up to date: no pending revision.");
        } else {
            long revisions = pending.stream().map(ChangeSet::getFilePath).distinct().count();
            context.out().println(revisions + " pending revision(s)" + (revisions == pending.size() ? ""
                    : " (" + pending.size() + " changesets)") + ":");
            pending.forEach(cs -> context.out().println("  " + cs.getId() + "  (" + cs.getFilePath() + ")"));
            OutOfOrder early = runner.outOfOrder();
            if (!early.pending().isEmpty()) {
                context.out().println("Note: " + early.pending().size() + " of them come before " + early.appliedAfter()
                        + ", which is applied: upgrade refuses to run them out of order (see ./migrate upgrade --help).");
            }
        }
        List<RanChangeSet> unknown = runner.unknownApplied();
        if (!unknown.isEmpty()) {
            RanChangeSet newest = unknown.get(unknown.size() - 1);
            context.out().println("Note: the database has " + unknown.size() + " applied revision(s) that this build's "
                    + "changelog does not contain, e.g. " + newest.getChangeLog() + "::" + newest.getId() + ": a newer "
                    + "version ran here, and upgrade and rollback refuse to run with this one.");
        }
        runner.lastFailure().ifPresent(failure -> context.out().println("Note: " + failure
                + ". The database is at the revision before it; fix the cause and run ./migrate upgrade again."));
        return ExitCode.OK;
    }
}
