package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.catalog.Catalog;

import java.util.List;

/**
 * The difference between the model and a database, both ways.
 *
 * @param wanted the model's catalog
 * @param current the compared database's catalog
 * @param renames the column renames the developer confirmed
 * @param forward changes that bring the database to the model, in revision order
 * @param reverse changes that bring it back (the revision's rollback)
 * @param renameHints probable column renames, for the reviewer
 * @param enums the model's enum columns
 * @param excluded objects of the compared database left out by {@link ExcludedObjects}, described
 * @param excludedObjects the exclusion setting the comparison applied
 */
public record SchemaDiff(Catalog wanted, Catalog current, List<ColumnRename> renames, List<SchemaChange> forward,
        List<SchemaChange> reverse, List<String> renameHints, EnumColumns enums, List<String> excluded,
        ExcludedObjects excludedObjects) {

    static SchemaDiff between(Catalog wanted, Catalog current, List<ColumnRename> renames, EnumColumns enums) {
        SchemaDiffer.Result forward = SchemaDiffer.diff(wanted, current, renames, enums);
        SchemaDiffer.Result reverse = SchemaDiffer.diff(current, wanted, renames.stream().map(ColumnRename::reversed).toList(),
                enums);
        if (forward.changes().isEmpty() != reverse.changes().isEmpty()) {
            throw new IllegalStateException("The comparison is not symmetric: " + forward.changes().size() + " change(s) one way, "
                    + reverse.changes().size() + " the other. This is a bug of the migration tool; nothing was written.");
        }
        return new SchemaDiff(wanted, current, List.copyOf(renames), forward.changes(), reverse.changes(), forward.renameHints(),
                enums, List.of(), ExcludedObjects.NONE);
    }

    public boolean isEmpty() {
        return forward.isEmpty();
    }

    /** What each forward change does, how risky it is, and the probable renames. */
    public ChangeReview review() {
        return new ChangeReview(forward.stream().map(c -> new ChangeReview.Finding(c.risk(), c.description())).toList(),
                renameHints);
    }

    /** The same comparison with confirmed renames, which turn a dropped and an added column into a rename. */
    public SchemaDiff withRenames(List<ColumnRename> confirmed) {
        return confirmed.isEmpty() ? this : between(wanted, current, confirmed, enums).excluding(excluded, excludedObjects);
    }

    /** The same comparison, recording the objects that were left out of it. */
    SchemaDiff excluding(List<String> left, ExcludedObjects setting) {
        return new SchemaDiff(wanted, current, renames, forward, reverse, renameHints, enums, List.copyOf(left), setting);
    }

    /** The pre-checks of the forward changes, in order (see {@link SchemaChange#precheck()}). */
    public List<String> prechecks() {
        return forward.stream().map(SchemaChange::precheck).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The same comparison with the forward changes on existing tables in their {@link SafeForms safe form} (the
     * rollback keeps the plain form: it runs in one changeset, see {@link RevisionPlan}).
     */
    public SchemaDiff withSafeForms() {
        List<SchemaChange> safe = SchemaDiffer.diff(wanted, current, renames, enums, true).changes();
        return new SchemaDiff(wanted, current, renames, safe, reverse, renameHints, enums, excluded, excludedObjects);
    }

    /** The changesets of the revision that makes this difference. */
    public RevisionPlan plan() {
        return RevisionPlan.of(forward, reverse);
    }
}
