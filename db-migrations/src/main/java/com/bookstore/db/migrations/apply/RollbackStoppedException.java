package com.bookstore.db.migrations.apply;

import java.util.List;

/**
 * The rollback of one revision failed: that revision is still applied (its rollback is one transaction), the revisions
 * rolled back before it stay rolled back. The cause is the failure.
 */
public class RollbackStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Revision> rolledBack;
    private final transient Revision failed;

    public RollbackStoppedException(List<Revision> rolledBack, Revision failed, Throwable cause) {
        super("The rollback of " + (failed == null ? "a revision" : "changeset " + failed.id() + " in " + failed.file())
                + " failed after " + rolledBack.size() + " revision(s) were rolled back" + (rolledBack.isEmpty() ? ""
                : " (" + String.join(", ", rolledBack.stream().map(Revision::id).toList()) + ")"), cause);
        this.rolledBack = List.copyOf(rolledBack);
        this.failed = failed;
    }

    /** The revisions rolled back before the failure, newest first; they stay rolled back. */
    public List<Revision> rolledBack() {
        return rolledBack;
    }

    /** The revision whose rollback failed (the newest still applied), or null when the history cannot be read. */
    public Revision failed() {
        return failed;
    }
}
