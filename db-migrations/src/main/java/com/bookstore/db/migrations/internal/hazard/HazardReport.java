package com.bookstore.db.migrations.internal.hazard;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hazards of a revision, and what its locks mean for the queue: any lock that conflicts with the service's reads
 * or writes first waits for every transaction using the table (a long report, a session idle in transaction), and
 * while it waits, every query of the table that conflicts with it queues behind it. A brief ALTER TABLE can so stop
 * the service for as long as the longest transaction; lock_timeout bounds that wait.
 *
 * @param hazards in statement order
 * @param lockedTables existing tables on which the revision takes a lock that blocks reads or writes, even briefly
 * @param setsLockTimeout whether the revision sets lock_timeout itself
 */
public record HazardReport(List<Hazard> hazards, Set<String> lockedTables, boolean setsLockTimeout) {

    public HazardReport {
        hazards = List.copyOf(hazards);
        lockedTables = Set.copyOf(lockedTables);
    }

    /** The lock-queue advice, when the revision locks an existing table against reads or writes. */
    public Optional<String> lockQueueNote() {
        return lockQueueNote(lockedTables, setsLockTimeout);
    }

    /** The lock-queue advice for revisions that lock {@code lockedTables}; empty when they lock none. */
    public static Optional<String> lockQueueNote(Set<String> lockedTables, boolean setsLockTimeout) {
        if (lockedTables.isEmpty()) {
            return Optional.empty();
        }
        String tables = String.join(", ", new java.util.TreeSet<>(lockedTables));
        return Optional.of("Locks: the revision(s) lock existing table(s) " + tables + " against reads or writes, if only "
                + "for a catalog update. A lock request waits for every transaction using the table (a long query, a "
                + "session idle in transaction), and every query of the table queued behind it waits too: the service "
                + "stalls for as long as the longest transaction. " + (setsLockTimeout
                        ? "The revision sets lock_timeout, so it fails instead of waiting long: run it again then."
                        : "./migrate upgrade bounds that wait with MIGRATION_LOCK_TIMEOUT (default 5s): the "
                                + "revision then stops, rolled back, and can be run again, rather than stall the "
                                + "service. Applied by another tool, start the changeset with SET LOCAL lock_timeout = "
                                + "'5s' (or set lock_timeout for the migration's role)."));
    }
}
