package com.bookstore.db.migrations.apply;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.precondition.core.PreconditionContainer.ErrorOption;
import liquibase.precondition.core.PreconditionContainer.FailOption;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses the changeset settings with which Liquibase goes on past a changeset that did not run, and reports success:
 * {@code failOnError="false"} (the failed changeset is rolled back, logged at INFO level and not recorded) and
 * preconditions with {@code onFail="CONTINUE"} or {@code onError="CONTINUE"} (skipped, not recorded). The next
 * changesets run on top of the missing one, every later upgrade skips it again in silence, and whether it runs can
 * depend on the rows of the database: so the shadow database that {@code check} builds can hold a change that
 * production lacks. {@code onFail="MARK_RAN"} stays allowed (the usual "already there" idiom): the changeset is
 * recorded, and {@code upgrade} names it as recorded without running.
 */
final class SilentSkips {

    private static final int LISTED = 5;

    private SilentSkips() {
    }

    /** @throws IllegalArgumentException naming each changeset (and changelog) that could be skipped in silence */
    static void refuse(DatabaseChangeLog changeLog) {
        List<String> found = new ArrayList<>();
        Set<DatabaseChangeLog> files = new LinkedHashSet<>();
        files.add(changeLog);
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            String where = "changeset " + changeSet.getId() + " (author " + changeSet.getAuthor() + ") in "
                    + changeSet.getFilePath();
            if (Boolean.FALSE.equals(changeSet.getFailOnError())) {
                found.add(where + " has failOnError=\"false\"");
            }
            continuing(changeSet.getPreconditions()).ifPresent(option -> found.add(where + " has preconditions with " + option));
            if (changeSet.getChangeLog() != null) {
                files.add(changeSet.getChangeLog());
            }
        }
        for (DatabaseChangeLog file : files) {
            continuing(file.getPreconditions())
                    .ifPresent(option -> found.add("changelog " + file.getFilePath() + " has preconditions with " + option));
        }
        if (!found.isEmpty()) {
            throw new IllegalArgumentException("The changelog lets Liquibase skip a changeset and report success: "
                    + String.join("; ", found.subList(0, Math.min(LISTED, found.size())))
                    + (found.size() > LISTED ? "; and " + (found.size() - LISTED) + " more" : "")
                    + ". Such a changeset is left out without an error (and without a record, so every later upgrade "
                    + "skips it again), the changesets after it run on top, and whether it runs can depend on the "
                    + "database's rows, so check's shadow database could hold what production lacks. Nothing was "
                    + "applied. Remove failOnError=\"false\" (an applied changeset may be edited so: the attribute is not "
                    + "part of its checksum); in preconditions, replace CONTINUE with HALT (the default: the upgrade "
                    + "stops) or MARK_RAN (the changeset is recorded without running, and upgrade says so).");
        }
    }

    private static java.util.Optional<String> continuing(PreconditionContainer preconditions) {
        if (preconditions == null) {
            return java.util.Optional.empty();
        }
        if (preconditions.getOnFail() == FailOption.CONTINUE) {
            return java.util.Optional.of("onFail=\"CONTINUE\"");
        }
        if (preconditions.getOnError() == ErrorOption.CONTINUE) {
            return java.util.Optional.of("onError=\"CONTINUE\"");
        }
        return java.util.Optional.empty();
    }
}
