package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.schema.ChangeReview.Risk;
import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;

import java.util.ArrayList;
import java.util.List;

/**
 * One change of a revision: the PostgreSQL statements that make it, how risky it is for the rows already there, and
 * a line a reviewer reads. Statements are written from PostgreSQL's own printing of the wanted objects, so that
 * applying them yields exactly what the comparison saw.
 *
 * @param phase where the change goes in the revision, so that every statement finds what it needs
 * @param statements the SQL, one statement each, in order
 * @param risk the change's risk for existing rows
 * @param description what a reviewer reads, with the reason of the risk
 */
public record SchemaChange(Phase phase, List<String> statements, Risk risk, String description) {

    /** The order of a revision: create what others need first, drop what depends on others first. */
    public enum Phase {
        CREATE_SCHEMA, CREATE_TYPE, SEQUENCE, DROP_FOREIGN_KEY, DROP_CONSTRAINT, RENAME, CREATE_TABLE, ALTER_COLUMN,
        DROP_COLUMN, ADD_CONSTRAINT, ADD_FOREIGN_KEY, DROP_TABLE, DROP_SEQUENCE, DROP_TYPE, DROP_SCHEMA, COMMENT
    }

    public SchemaChange {
        statements = List.copyOf(statements);
    }

    static SchemaChange of(Phase phase, Risk risk, String description, String... statements) {
        return new SchemaChange(phase, List.of(statements), risk, description);
    }

    SchemaChange withRisk(Risk newRisk, String newDescription) {
        return new SchemaChange(phase, statements, newRisk, newDescription);
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
