package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.schema.ChangeReview.Risk;

import java.util.ArrayList;
import java.util.List;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.literal;

/**
 * One change of a revision: the PostgreSQL statements that make it, how risky it is for the rows already there, and
 * a line a reviewer reads. Statements are written from PostgreSQL's own printing of the wanted objects, so that
 * applying them yields exactly what the comparison saw.
 *
 * <p>Most changes are one step. The safe form of a change on an existing table ({@link SafeForms}) is several: an
 * index built {@code CONCURRENTLY} (which PostgreSQL refuses inside a transaction), a constraint added
 * {@code NOT VALID} and validated in a later transaction; each step has its own place in the revision.
 *
 * @param steps the change's steps, in order; the first one's phase places the change in the revision
 * @param risk the change's risk for existing rows
 * @param description what a reviewer reads, with the reason of the risk
 * @param precheck null, or a query run on the database before the revision: it returns {@value #PRECHECK_PASSED}
 *        when the rows allow the change, else a sentence saying how many rows stop it and why
 */
public record SchemaChange(List<Step> steps, Risk risk, String description, String precheck) {

    /** What a passing {@link #precheck()} query returns. */
    public static final String PRECHECK_PASSED = "ok";

    /**
     * The order of a revision: create what others need first, drop what depends on others first. {@link #VALIDATE}
     * and {@link #SET_NOT_NULL} hold the later steps of safe forms, each starting a new transaction.
     */
    public enum Phase {
        CREATE_SCHEMA, CREATE_TYPE, SEQUENCE, DROP_FOREIGN_KEY, DROP_CONSTRAINT, RENAME, CREATE_TABLE, ALTER_COLUMN,
        DROP_COLUMN, ADD_CONSTRAINT, ADD_FOREIGN_KEY, VALIDATE, SET_NOT_NULL, DROP_TABLE, DROP_SEQUENCE, DROP_TYPE,
        DROP_SCHEMA, COMMENT;

        /** Whether the first step of this phase must not share a transaction with the steps before it. */
        boolean startsTransaction() {
            return this == VALIDATE || this == SET_NOT_NULL;
        }
    }

    /**
     * One step of a change.
     *
     * @param phase where the step goes in the revision
     * @param concurrent true for a step PostgreSQL runs only outside a transaction block ({@code CONCURRENTLY}): it
     *        gets a changeset of its own with {@code runInTransaction="false"}
     * @param note what the step's SQL comment says; null for the change's description
     * @param statements the SQL, one statement each, in order
     */
    public record Step(Phase phase, boolean concurrent, String note, List<String> statements) {
        public Step {
            statements = List.copyOf(statements);
        }

        static Step of(Phase phase, String... statements) {
            return new Step(phase, false, null, List.of(statements));
        }
    }

    public SchemaChange {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a change without a step: " + description);
        }
    }

    static SchemaChange of(Phase phase, Risk risk, String description, String... statements) {
        return new SchemaChange(List.of(Step.of(phase, statements)), risk, description, null);
    }

    /** Where the change goes in the revision: its first step's phase. */
    public Phase phase() {
        return steps.get(0).phase();
    }

    /** Every statement of every step, in order. */
    public List<String> statements() {
        return steps.stream().flatMap(step -> step.statements().stream()).toList();
    }

    /** This change made of {@code replacement} steps instead (its safe form), with the same review and pre-check. */
    SchemaChange withSteps(List<Step> replacement) {
        return new SchemaChange(replacement, risk, description, precheck);
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
        return new SchemaChange(steps, risk, description, sql);
    }

    /**
     * The SQL texts of one step as a revision file holds them: one per statement, the first starting with the step's
     * note (else the change's description) as an SQL comment, so that the revision file reads like the review.
     */
    List<String> commented(Step step) {
        List<String> texts = new ArrayList<>();
        String note = step.note() == null ? description : step.note();
        for (String statement : step.statements()) {
            texts.add(texts.isEmpty() ? "-- " + note.replaceAll("\\R", " ") + "\n" + statement : statement);
        }
        return texts;
    }
}
