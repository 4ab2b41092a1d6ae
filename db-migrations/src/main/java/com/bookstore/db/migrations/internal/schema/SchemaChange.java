package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.schema.ChangeReview.Risk;
import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;

import java.util.ArrayList;
import java.util.List;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.literal;

/**
 * One change of a revision: the PostgreSQL statements that make it, how risky it is for the rows already there, and
 * a line a reviewer reads. Statements are written from PostgreSQL's own printing of the wanted objects, so that
 * applying them yields exactly what the comparison saw.
 *
 * @param phase where the change goes in the revision, so that every statement finds what it needs
 * @param statements the SQL, one statement each, in order
 * @param risk the change's risk for existing rows
 * @param description what a reviewer reads, with the reason of the risk
 * @param precheck null, or a query run on the database before the revision: it returns {@value #PRECHECK_PASSED}
 *        when the rows allow the change, else a sentence saying how many rows stop it and why
 */
public record SchemaChange(Phase phase, List<String> statements, Risk risk, String description, String precheck) {

    /** What a passing {@link #precheck()} query returns. */
    public static final String PRECHECK_PASSED = "ok";

    /** The order of a revision: create what others need first, drop what depends on others first. */
    public enum Phase {
        CREATE_SCHEMA, CREATE_TYPE, SEQUENCE, DROP_FOREIGN_KEY, DROP_CONSTRAINT, RENAME, CREATE_TABLE, ALTER_COLUMN,
        DROP_COLUMN, ADD_CONSTRAINT, ADD_FOREIGN_KEY, DROP_TABLE, DROP_SEQUENCE, DROP_TYPE, DROP_SCHEMA, COMMENT
    }

    public SchemaChange {
        statements = List.copyOf(statements);
    }

    static SchemaChange of(Phase phase, Risk risk, String description, String... statements) {
        return new SchemaChange(phase, List.of(statements), risk, description, null);
    }

    /**
     * This change with a pre-check: {@code violations} counts the rows that would make it fail (a
     * {@code select count(*) ...}), {@code why} says what they hold, e.g. "hold NULL in item.name".
     */
    SchemaChange withPrecheck(String violations, String why) {
        String sql = "SELECT CASE WHEN n = 0 THEN " + literal(PRECHECK_PASSED)
                + " ELSE n || " + literal(" row(s) " + why + ", so this "
                        + "revision would fail at: " + description + ". Nothing of it was applied; fix those rows in a revision "
                        + "before this one (or change the model), then upgrade again.")
                + " END FROM (" + violations + ") AS violations(n)";
        return new SchemaChange(phase, statements, risk, description, sql);
    }

    /**
     * As Liquibase changes: one {@code <sql>} per statement, the first starting with the description as an SQL
     * comment, so that the revision file reads like the review.
     */
    public List<Change> liquibaseChanges() {
        List<Change> changes = new ArrayList<>();
        for (String statement : statements) {
            RawSQLChange change = new RawSQLChange(changes.isEmpty() ? "-- " + description.replaceAll("\\R", " ") + "\n" + statement
                    : statement);
            change.setSplitStatements(false);
            change.setStripComments(false);
            changes.add(change);
        }
        return changes;
    }
}
