package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.apply.Applied;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.OutOfOrderException;
import com.bookstore.db.migrations.apply.UnknownHistoryException;


/** {@code upgrade}: {@code alembic upgrade head}. */
final class UpgradeCommand extends DatabaseCommand {

    @Override
    public String name() {
        return "upgrade";
    }

    @Override
    public String summary() {
        return "apply the pending changelog revisions to DATABASE_URL";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate upgrade [--url <database url>] [--changelog-dir <dir>] [--out-of-order]

                Applies every pending revision, each in its own transaction, through a dedicated unpooled connection.
                Refuses to run when the database has revisions this build does not know (a newer build ran there), and
                when a pending revision comes before one the database has applied (branches merged after a deploy): it
                would run in another order than check verified. --out-of-order runs it anyway, after the applied ones.
                A revision that waits too long for a lock (another session's open transaction holds it) is rolled back,
                left pending, and the blocking sessions are named (exit 1).

                Options:
                """ + DATABASE_OPTIONS + """
                  --out-of-order           apply pending revisions that come before applied ones (then run check --url)
                """ + "\n" + TIMEOUT_SETTINGS + """

                Example: DATABASE_URL=postgresql://app:secret@localhost:5432/bookstore ./migrate upgrade
                """;
    }

    @Override
    public java.util.Set<String> flagOptions() {
        return java.util.Set.of("out-of-order");
    }

    @Override
    boolean writes() {
        return true;
    }

    @Override
    ExitCode run(ChangelogRunner runner, Arguments arguments, CliContext context) throws Exception {
        Applied applied;
        try {
            applied = runner.upgrade(arguments.flag("out-of-order"));
        } catch (UnknownHistoryException | OutOfOrderException refused) {
            context.out().println(refused.getMessage());
            return ExitCode.DIFFERENCES_OR_REFUSED;
        }
        if (applied.isEmpty()) {
            context.out().println("Already up to date: no pending revision.");
        }
        if (!applied.ran().isEmpty()) {
            context.out().println("Applied " + applied.ran().size() + " revision(s): " + String.join(", ", applied.ran()));
        }
        if (!applied.recordedWithoutRunning().isEmpty()) {
            context.out().println("Recorded without running " + applied.recordedWithoutRunning().size()
                    + " revision(s), their precondition failed (onFail=\"MARK_RAN\"): "
                    + String.join(", ", applied.recordedWithoutRunning()));
        }
        return ExitCode.OK;
    }
}
