package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a check sees of the statement it judges: its text, the changeset it runs in (and whether that is one
 * transaction), which tables the revision creates (exempt: nobody uses them yet), the schema as known before it, the
 * locks the same transaction already holds (held until it commits), and where to report.
 */
final class StatementContext {

    private final Tokens tokens;
    private final String changeset;
    private final boolean inTransaction;
    private final Set<QualifiedName> created;
    private final KnownSchema schema;
    private final Map<QualifiedName, LockLevel> held;
    private final LockLevel statementLock;
    private final List<Hazard> found;

    StatementContext(Tokens tokens, String changeset, boolean inTransaction, Set<QualifiedName> created, KnownSchema schema,
            Map<QualifiedName, LockLevel> held, LockLevel statementLock, List<Hazard> found) {
        this.tokens = tokens;
        this.changeset = changeset;
        this.inTransaction = inTransaction;
        this.created = created;
        this.schema = schema;
        this.held = held;
        this.statementLock = statementLock;
        this.found = found;
    }

    String sql() {
        return tokens.text();
    }

    Tokens tokens() {
        return tokens;
    }

    boolean inTransaction() {
        return inTransaction;
    }

    KnownSchema schema() {
        return schema;
    }

    /** Whether the table exists before the revision (tables the revision creates are nobody's yet). */
    boolean existing(QualifiedName table) {
        return !created.contains(table);
    }

    /** The lock on {@code table} while an action taking {@code actionLock} runs: the statement's and the held ones count. */
    LockLevel lockDuring(QualifiedName table, LockLevel actionLock) {
        return LockLevel.strongest(LockLevel.strongest(actionLock, statementLock), held.get(table));
    }

    void report(Rule rule, String table, LockLevel lock, String lockedTables, String effect, String alternative) {
        found.add(new Hazard(rule, changeset, sql(), table, lock, lockedTables, effect, alternative));
    }

    /** Reports a hazard of {@code table} with the lock held on it during an action taking {@code actionLock}. */
    void report(Rule rule, QualifiedName table, LockLevel actionLock, String effect, String alternative) {
        report(rule, table.toString(), lockDuring(table, actionLock), where(table, actionLock), effect, alternative);
    }

    /** The table, and why the lock is stronger than the statement's own when an earlier statement took it. */
    String where(QualifiedName table, LockLevel actionLock) {
        LockLevel own = LockLevel.strongest(actionLock, statementLock);
        LockLevel before = held.get(table);
        return before != null && before.compareTo(own) > 0 ? table + " (held since an earlier statement of the same "
                + "transaction; this statement alone takes " + own.sql() + ")" : table.toString();
    }

    /** The statement with {@code insert} added after its first {@code keyword} ("CREATE INDEX" + " CONCURRENTLY"). */
    String withAfter(String keyword, String insert) {
        List<SqlLexer.Token> all = tokens.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).isWord(keyword)) {
                return tokens.text(0, i + 1) + insert + " " + tokens.text(i + 1, all.size());
            }
        }
        return sql();
    }
}
