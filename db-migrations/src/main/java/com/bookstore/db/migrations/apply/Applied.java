package com.bookstore.db.migrations.apply;

import java.util.List;

/**
 * What one upgrade did, read back from DATABASECHANGELOG rather than assumed: the changesets it ran, and those it
 * recorded without running because a precondition with {@code onFail="MARK_RAN"} failed (their change is not in the
 * database: a deploy log must not call them applied).
 *
 * @param ran ids of the changesets run, in order
 * @param recordedWithoutRunning ids of the changesets marked as ran, in order
 */
public record Applied(List<String> ran, List<String> recordedWithoutRunning) {

    public Applied {
        ran = List.copyOf(ran);
        recordedWithoutRunning = List.copyOf(recordedWithoutRunning);
    }

    /** Nothing was pending. */
    public boolean isEmpty() {
        return ran.isEmpty() && recordedWithoutRunning.isEmpty();
    }
}
