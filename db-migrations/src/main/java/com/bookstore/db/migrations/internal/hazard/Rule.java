package com.bookstore.db.migrations.internal.hazard;

import java.util.Arrays;
import java.util.Optional;

/**
 * The hazards the analyser knows, each with a stable id (what a waiver names: never rename one), the change it
 * concerns, the lock PostgreSQL takes for it and the safe way to make the same change. The README's table of safe
 * migrations is this enum, and a test holds them equal.
 */
public enum Rule {
    CREATE_INDEX("create-index-blocking-writes", "CREATE INDEX without CONCURRENTLY on an existing table",
            LockLevel.SHARE, "CREATE INDEX CONCURRENTLY, alone in a changeset with runInTransaction=\"false\" (a failed "
                    + "build leaves an INVALID index: DROP INDEX CONCURRENTLY it and run again)"),
    DROP_INDEX("drop-index-blocking", "DROP INDEX without CONCURRENTLY", LockLevel.ACCESS_EXCLUSIVE,
            "DROP INDEX CONCURRENTLY, one index per statement, alone in a changeset with runInTransaction=\"false\""),
    ADD_FOREIGN_KEY("add-foreign-key-validating", "ADD FOREIGN KEY (or a column with REFERENCES) without NOT VALID",
            LockLevel.SHARE_ROW_EXCLUSIVE, "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID (new rows are checked from then "
                    + "on), then ALTER TABLE ... VALIDATE CONSTRAINT ... in a later changeset (SHARE UPDATE EXCLUSIVE: "
                    + "reads and writes go on during the scan)"),
    ADD_CHECK("add-check-validating", "ADD CHECK (or a column with CHECK) without NOT VALID", LockLevel.ACCESS_EXCLUSIVE,
            "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT ... in a later changeset"),
    SET_NOT_NULL("set-not-null-scanning", "ALTER COLUMN ... SET NOT NULL, or ADD PRIMARY KEY USING INDEX on columns "
            + "not yet NOT NULL", LockLevel.ACCESS_EXCLUSIVE,
            "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; in a later changeset VALIDATE CONSTRAINT c; then "
                    + "SET NOT NULL (PostgreSQL 12+ sees the valid CHECK and skips the scan) and DROP CONSTRAINT c"),
    ADD_UNIQUE("add-unique-building-index", "ADD UNIQUE / PRIMARY KEY without USING INDEX", LockLevel.ACCESS_EXCLUSIVE,
            "CREATE UNIQUE INDEX CONCURRENTLY (own changeset, runInTransaction=\"false\"), then ADD CONSTRAINT ... "
                    + "UNIQUE / PRIMARY KEY USING INDEX ... (a catalog update; for a primary key the columns must already "
                    + "be NOT NULL, see set-not-null-scanning)"),
    ADD_EXCLUSION("add-exclusion-constraint", "ADD EXCLUDE constraint on an existing table", LockLevel.ACCESS_EXCLUSIVE,
            "no online form exists (no USING INDEX for exclusion constraints): add it with the table, or while the "
                    + "table is small or the service is stopped"),
    ALTER_COLUMN_TYPE("alter-column-type-rewrite", "ALTER COLUMN ... TYPE that rewrites (int to bigint, text to "
            + "varchar(n), narrowing, a USING expression) or may rewrite (old type unknown)", LockLevel.ACCESS_EXCLUSIVE,
            "a change PostgreSQL makes without rewrite (varchar(n) to varchar(m > n) or text, numeric(p,s) to "
                    + "numeric(p2 > p,s), a larger timestamp precision); otherwise expand/contract: add a column of the "
                    + "new type, write both, backfill in batches, switch reads, drop the old column in a later release"),
    ADD_COLUMN_VOLATILE_DEFAULT("add-column-volatile-default", "ADD COLUMN with a volatile default (random(), "
            + "clock_timestamp(), gen_random_uuid(), nextval: serial and identity columns), or a stored generated "
            + "column", LockLevel.ACCESS_EXCLUSIVE, "ADD COLUMN without that default (NULL or a constant, now(): no "
                    + "rewrite since PostgreSQL 11), then SET DEFAULT for new rows and fill existing rows in batches "
                    + "in later changesets"),
    RENAME_COLUMN("rename-column", "RENAME COLUMN", LockLevel.ACCESS_EXCLUSIVE, "expand/contract: add the new column, "
            + "write both (or a trigger), backfill, switch reads to it, drop the old column in a later release"),
    RENAME_TABLE("rename-table", "RENAME TO / SET SCHEMA of a table", LockLevel.ACCESS_EXCLUSIVE, "expand/contract: "
            + "create the new table and copy, or rename and leave a view with the old name (simple views accept "
            + "writes) until no running version uses the old name"),
    DROP_COLUMN("drop-column", "DROP COLUMN", LockLevel.ACCESS_EXCLUSIVE, "first release a version that no longer maps "
            + "the column (make it nullable or give it a default before, so that its inserts work), then drop it in a "
            + "later revision, once no instance of the previous version runs"),
    DROP_TABLE("drop-table", "DROP TABLE", LockLevel.ACCESS_EXCLUSIVE, "first release a version that no longer uses "
            + "the table, then drop it in a later revision"),
    DROP_SEQUENCE("drop-sequence", "DROP SEQUENCE", LockLevel.ACCESS_EXCLUSIVE, "first release a version that no "
            + "longer draws from the sequence (a column identity, or another sequence), then drop it in a later revision"),
    RENAME_SEQUENCE("rename-sequence", "ALTER SEQUENCE ... RENAME TO / SET SCHEMA", LockLevel.ACCESS_EXCLUSIVE,
            "keep the old name (@SequenceGenerator(sequenceName = ...)); or create the new sequence starting after the "
                    + "old one's last value, release a version that uses it, and drop the old one in a later revision"),
    VALIDATE_UNDER_LOCK("validate-under-lock", "VALIDATE CONSTRAINT in the transaction that added it (or otherwise "
            + "locked the table)", LockLevel.ACCESS_EXCLUSIVE, "VALIDATE CONSTRAINT in a later changeset: each "
                    + "changeset is its own transaction, and a lock is held until its transaction ends"),
    DATA_CHANGE_UNDER_LOCK("data-change-under-lock", "UPDATE, DELETE, MERGE, INSERT ... SELECT or COPY ... FROM, also "
            + "inside a WITH, in the transaction that already locked the table (a backfill after its ALTER TABLE)", LockLevel.ACCESS_EXCLUSIVE, "the data "
                    + "change in a later changeset (each changeset is its own transaction, and a lock is held until its "
                    + "transaction ends), in batches for a large table"),
    CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY "
            + "or VACUUM in a transactional changeset", LockLevel.SHARE_UPDATE_EXCLUSIVE, "put the statement alone in a "
                    + "changeset with runInTransaction=\"false\" (PostgreSQL refuses it inside a transaction block)"),
    BLOCKING_STATEMENT("blocking-statement", "TRUNCATE, LOCK TABLE, CLUSTER, VACUUM FULL, REINDEX, REFRESH "
            + "MATERIALIZED VIEW (without CONCURRENTLY) on an existing table", LockLevel.ACCESS_EXCLUSIVE,
            "the CONCURRENTLY form where there is one (REINDEX, REFRESH MATERIALIZED VIEW); otherwise run it outside the "
                    + "deploy, at a quiet time, with lock_timeout set"),
    NOT_ANALYSED("not-analysed", "a statement, or an ALTER TABLE action, the analyser does not understand",
            LockLevel.UNKNOWN, "check the statement's lock in PostgreSQL's documentation (ALTER TABLE takes ACCESS "
                    + "EXCLUSIVE unless it says otherwise), then waive it with the reason, or write it in a form the "
                    + "analyser knows");

    private final String id;
    private final String change;
    private final LockLevel lock;
    private final String alternative;

    Rule(String id, String change, LockLevel lock, String alternative) {
        this.id = id;
        this.change = change;
        this.lock = lock;
        this.alternative = alternative;
    }

    /** The stable id a waiver names. */
    public String id() {
        return id;
    }

    /** The change the rule concerns, as the README's table says it. */
    public String change() {
        return change;
    }

    /** The lock PostgreSQL takes for it (a statement may take a stronger one with other actions). */
    public LockLevel lock() {
        return lock;
    }

    /** The safe way to make the change, in general terms (each hazard says it for its own statement). */
    public String alternative() {
        return alternative;
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
