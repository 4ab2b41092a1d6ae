package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.catalog.Catalog.Constraint;
import com.bookstore.db.migrations.internal.catalog.Catalog.Table;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.schema.SchemaChange.Phase;
import com.bookstore.db.migrations.internal.schema.SchemaChange.Step;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.bookstore.db.migrations.internal.catalog.SqlNames.quote;

/**
 * The forms of a change on an existing table that let the service go on reading and writing it while the revision
 * runs (the safe alternatives of the hazard analysis' rules): indexes built and dropped {@code CONCURRENTLY} in
 * changesets of their own, constraints added {@code NOT VALID} and validated in a later transaction (the scan then
 * holds only SHARE UPDATE EXCLUSIVE), {@code SET NOT NULL} proven by a validated CHECK first, unique constraints
 * adopting an index built concurrently. Each form ends in exactly the schema of the plain statement, so {@code check}
 * sees no difference once the revision has run.
 */
final class SafeForms {

    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX ");
    private static final Pattern UNIQUE = Pattern.compile("^UNIQUE (NULLS NOT DISTINCT )?\\(([^()]+)\\)$");
    /** PostgreSQL's NAMEDATALEN - 1: longer names are cut, so the helper's name is cut the same way everywhere. */
    private static final int MAX_NAME_BYTES = 63;

    private SafeForms() {
    }

    /**
     * {@code CREATE INDEX CONCURRENTLY}, after dropping an index of that name left INVALID by a build that was killed
     * or failed (PostgreSQL keeps it; Liquibase records the changeset only once it completes, so it runs again).
     */
    static Step createIndex(QualifiedName index, String definition, String note) {
        Matcher m = CREATE_INDEX.matcher(definition);
        if (!m.find()) {
            throw new IllegalArgumentException("not an index definition PostgreSQL prints: " + definition);
        }
        String concurrently = m.replaceFirst("CREATE " + (m.group(1) == null ? "" : "UNIQUE ") + "INDEX CONCURRENTLY ");
        return new Step(Phase.ADD_CONSTRAINT, true, note, List.of(dropIndexIfExists(index), concurrently));
    }

    /** {@code DROP INDEX CONCURRENTLY}, alone in its changeset. */
    static Step dropIndex(QualifiedName index) {
        return new Step(Phase.DROP_CONSTRAINT, true, null, List.of("DROP INDEX CONCURRENTLY " + index.sql()));
    }

    private static String dropIndexIfExists(QualifiedName index) {
        return "DROP INDEX CONCURRENTLY IF EXISTS " + index.sql();
    }

    /** Whether a constraint has a safe form: a foreign key or CHECK (NOT VALID), a plain unique constraint. */
    static boolean covers(Constraint constraint) {
        return switch (constraint.kind()) {
            case 'f', 'c' -> !constraint.definition().endsWith("NOT VALID");
            case 'u' -> UNIQUE.matcher(constraint.definition()).matches();
            default -> false;
        };
    }

    /**
     * The steps of adding {@code constraint} (which {@link #covers}) to an existing table: a foreign key or CHECK
     * NOT VALID, then VALIDATE CONSTRAINT in a later transaction; a unique constraint as a unique index built
     * concurrently, then adopted ({@code UNIQUE USING INDEX}: a catalog update).
     */
    static List<Step> addConstraint(Table table, Constraint constraint, Phase phase, String description) {
        String alter = "ALTER TABLE " + table.name().sql();
        String name = quote(constraint.name());
        if (constraint.kind() == 'u') {
            Matcher m = UNIQUE.matcher(constraint.definition());
            if (!m.matches()) {
                throw new IllegalArgumentException("no safe form for " + constraint.definition());
            }
            QualifiedName index = new QualifiedName(table.name().schema(), constraint.name());
            String definition = "CREATE UNIQUE INDEX " + name + " ON " + table.name().sql() + " USING btree (" + m.group(2) + ")"
                    + (m.group(1) == null ? "" : " NULLS NOT DISTINCT");
            return List.of(createIndex(index, definition, description + " [1/2: its index, built CONCURRENTLY]"),
                    new Step(phase, false, "2/2: unique constraint " + constraint.name() + " on " + table.name()
                            + " takes over its index", List.of(alter + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name)));
        }
        return List.of(new Step(phase, false, description + " [1/2: NOT VALID, new rows are checked from now on]",
                        List.of(alter + " ADD CONSTRAINT " + name + " " + constraint.definition() + " NOT VALID")),
                validate(table, constraint.name(), "2/2: validate " + constraint.name() + " on " + table.name()
                        + " (reads and writes go on during the scan)"));
    }

    /**
     * The steps of {@code SET NOT NULL} on an existing column: a {@code CHECK (column IS NOT NULL) NOT VALID}, validated
     * in a later transaction, then {@code SET NOT NULL} (PostgreSQL 12+ sees the valid CHECK and skips the scan) and
     * the CHECK dropped again.
     */
    static List<Step> setNotNull(Table table, String column, String description) {
        String alter = "ALTER TABLE " + table.name().sql();
        String helper = notNullCheckName(table, column);
        String where = table.name() + "." + column;
        return List.of(new Step(Phase.ALTER_COLUMN, false, description + " [1/3: CHECK NOT VALID]",
                        List.of(alter + " ADD CONSTRAINT " + quote(helper) + " CHECK (" + quote(column) + " IS NOT NULL) NOT VALID")),
                validate(table, helper, "2/3: validate " + helper + " (reads and writes go on during the scan)"),
                new Step(Phase.SET_NOT_NULL, false, "3/3: set NOT NULL on " + where + " (no scan: the valid CHECK proves it), "
                        + "drop " + helper, List.of(alter + " ALTER COLUMN " + quote(column) + " SET NOT NULL",
                        alter + " DROP CONSTRAINT " + quote(helper))));
    }

    private static Step validate(Table table, String constraint, String note) {
        return new Step(Phase.VALIDATE, false, note,
                List.of("ALTER TABLE " + table.name().sql() + " VALIDATE CONSTRAINT " + quote(constraint)));
    }

    /** {@code <table>_<column>_not_null}, cut to PostgreSQL's 63 bytes as PostgreSQL would cut it. */
    static String notNullCheckName(Table table, String column) {
        String name = table.name().name() + "_" + column + "_not_null";
        while (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }
}
