package com.bookstore.db.migrations.apply;

import liquibase.change.Change;
import liquibase.change.DbmsTargetedChange;
import liquibase.change.core.ExecuteShellCommandChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseList;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.precondition.core.PreconditionContainer.ErrorOption;
import liquibase.precondition.core.PreconditionContainer.FailOption;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses the changeset settings with which Liquibase goes on past a changeset that did not run, and reports success:
 * {@code failOnError="false"} (the failed changeset is rolled back, logged at INFO level and not recorded) and
 * preconditions with {@code onFail="CONTINUE"} or {@code onError="CONTINUE"} (skipped, not recorded). The next
 * changesets run on top of the missing one, every later upgrade skips it again in silence, and whether it runs can
 * depend on the rows of the database: so the shadow database that {@code check} builds can hold a change that
 * production lacks. {@code onFail="MARK_RAN"} stays allowed (the usual "already there" idiom): the changeset is
 * recorded, and {@code upgrade} names it as recorded without running; but not on a changeset that runs again
 * ({@code runOnChange}, {@code runAlways}), whose second outcome Liquibase records as "RERAN" whether it ran or not.
 * Only the changesets about to run are looked at: an applied one, or one filtered out for PostgreSQL, runs no more.
 */
final class SilentSkips {

    private static final int LISTED = 5;

    private SilentSkips() {
    }

    /** @throws IllegalArgumentException naming each of {@code toRun} that could be skipped in silence */
    static void refuse(List<ChangeSet> toRun) {
        List<String> found = new ArrayList<>();
        for (ChangeSet changeSet : toRun) {
            String where = "changeset " + changeSet.getId() + " (author " + changeSet.getAuthor() + ") in "
                    + changeSet.getFilePath();
            PreconditionContainer preconditions = changeSet.getPreconditions();
            if (Boolean.FALSE.equals(changeSet.getFailOnError())) {
                found.add(where + " has failOnError=\"false\"");
            }
            if (preconditions != null && preconditions.getOnFail() == FailOption.CONTINUE) {
                found.add(where + " has preconditions with onFail=\"CONTINUE\"");
            } else if (preconditions != null && preconditions.getOnError() == ErrorOption.CONTINUE) {
                found.add(where + " has preconditions with onError=\"CONTINUE\"");
            }
            if (preconditions != null && (changeSet.isRunOnChange() || changeSet.isAlwaysRun())
                    && (preconditions.getOnFail() == FailOption.MARK_RAN || preconditions.getOnError() == ErrorOption.MARK_RAN)) {
                found.add(where + " runs again (" + (changeSet.isAlwaysRun() ? "runAlways" : "runOnChange")
                        + ") and has preconditions with MARK_RAN, whose second outcome is recorded as run either way");
            }
        }
        if (!found.isEmpty()) {
            throw new IllegalArgumentException("The changelog lets Liquibase skip a changeset and report success: "
                    + String.join("; ", found.subList(0, Math.min(LISTED, found.size())))
                    + (found.size() > LISTED ? "; and " + (found.size() - LISTED) + " more" : "")
                    + ". Such a changeset is left out without an error (or recorded as run when it was not), the "
                    + "changesets after it run on top, and whether it runs can depend on the database's rows, so "
                    + "check's shadow database could hold what production lacks. Nothing was applied. Remove "
                    + "failOnError=\"false\" (an applied changeset may be edited so: the attribute is not part of its "
                    + "checksum); in preconditions, replace CONTINUE with HALT (the default: the upgrade stops) or "
                    + "MARK_RAN (the changeset is recorded without running, and upgrade says so), and give a changeset "
                    + "with MARK_RAN no runOnChange or runAlways.");
        }
    }

    /**
     * Whether Liquibase skips {@code changeSet} on {@code database} without recording it: its one change is for other
     * databases ({@code <sql dbms="h2">}) or an {@code executeCommand} for another operating system. It stays pending,
     * by Liquibase's design, and runs nothing here. (With several changes, all skipped, Liquibase 4.33 records it as
     * executed.)
     */
    static boolean skippedOn(ChangeSet changeSet, Database database) {
        List<Change> changes = changeSet.getChanges();
        if (changes.size() != 1) {
            return false;
        }
        Change change = changes.get(0);
        return change instanceof DbmsTargetedChange targeted
                ? !DatabaseList.definitionMatches(targeted.getDbms(), database, true)
                : change instanceof ExecuteShellCommandChange command && !command.shouldRunOnOs();
    }
}
