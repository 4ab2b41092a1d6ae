package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.schema.ChangeReview.Risk;
import com.bookstore.db.migrations.internal.schema.SchemaChange.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the safe forms' steps become changesets: in phase order, CONCURRENTLY alone, each validation in a new one. */
class RevisionPlanTest {

    private static final Catalog.Table BOOK = new Catalog.Table(new QualifiedName("public", "book"), List.of(),
            new TreeMap<>(), new TreeMap<>(), null);

    @Test
    void steps_become_changesets_in_order_with_the_rollback_and_the_prechecks_on_the_first() {
        SchemaChange addColumn = SchemaChange.of(Phase.ALTER_COLUMN, Risk.SAFE, "add column book.isbn",
                "ALTER TABLE book ADD COLUMN isbn text");
        SchemaChange notNull = SchemaChange.of(Phase.ALTER_COLUMN, Risk.CAUTION, "set NOT NULL on book.title", "plain")
                .withSteps(SafeForms.setNotNull(BOOK, "title", "set NOT NULL on book.title"))
                .withPrecheck("SELECT count(*) FROM book WHERE title IS NULL", "hold NULL");
        SchemaChange index = SchemaChange.of(Phase.ADD_CONSTRAINT, Risk.SAFE, "create index ix_book_isbn", "plain")
                .withSteps(List.of(SafeForms.createIndex(new QualifiedName("public", "ix_book_isbn"),
                        "CREATE INDEX ix_book_isbn ON public.book USING btree (isbn)", null)));
        SchemaChange comment = SchemaChange.of(Phase.COMMENT, Risk.SAFE, "comment on table book", "COMMENT ON TABLE book IS 'b'");
        SchemaChange dropColumn = SchemaChange.of(Phase.DROP_COLUMN, Risk.DESTRUCTIVE, "drop column book.isbn",
                "ALTER TABLE book DROP COLUMN isbn");

        RevisionPlan plan = RevisionPlan.of(List.of(addColumn, notNull, index, comment), List.of(dropColumn));

        assertEquals(List.of(true, false, true, true), plan.changesets().stream().map(RevisionPlan.Changeset::inTransaction).toList());
        assertEquals(List.of(
                        List.of("ALTER TABLE book ADD COLUMN isbn text",
                                "ALTER TABLE book ADD CONSTRAINT book_title_not_null CHECK (title IS NOT NULL) NOT VALID"),
                        List.of("DROP INDEX CONCURRENTLY IF EXISTS ix_book_isbn",
                                "CREATE INDEX CONCURRENTLY ix_book_isbn ON public.book USING btree (isbn)"),
                        List.of("ALTER TABLE book VALIDATE CONSTRAINT book_title_not_null"),
                        List.of("ALTER TABLE book ALTER COLUMN title SET NOT NULL", "ALTER TABLE book DROP CONSTRAINT book_title_not_null",
                                "COMMENT ON TABLE book IS 'b'")),
                plan.changesets().stream().map(c -> c.forward().stream().map(RevisionPlanTest::withoutComment).toList()).toList());
        assertTrue(plan.changesets().get(0).forward().get(0).startsWith("-- add column book.isbn\n"));
        assertTrue(plan.changesets().get(2).forward().get(0).startsWith("-- 2/3: validate book_title_not_null"));

        assertEquals(List.of("-- drop column book.isbn\nALTER TABLE book DROP COLUMN isbn"), plan.changesets().get(0).rollback());
        assertEquals(1, plan.changesets().get(0).prechecks().size());
        for (RevisionPlan.Changeset later : plan.changesets().subList(1, 4)) {
            assertEquals(List.of(), later.rollback());
            assertEquals(List.of(), later.prechecks());
        }
        assertEquals(false, plan.transactional());
    }

    @Test
    void plain_changes_stay_one_transactional_changeset() {
        RevisionPlan plan = RevisionPlan.of(List.of(
                SchemaChange.of(Phase.ALTER_COLUMN, Risk.CAUTION, "set NOT NULL", "ALTER TABLE book ALTER COLUMN title SET NOT NULL"),
                SchemaChange.of(Phase.ADD_CONSTRAINT, Risk.SAFE, "create index", "CREATE INDEX ix ON public.book USING btree (isbn)")),
                List.of());
        assertEquals(1, plan.changesets().size());
        assertTrue(plan.transactional());
    }

    @Test
    void a_unique_constraint_is_its_index_built_concurrently_then_adopted() {
        Catalog.Constraint unique = new Catalog.Constraint("uk_book_isbn", 'u', "UNIQUE NULLS NOT DISTINCT (isbn)", null,
                List.of("isbn"), List.of(), null);
        assertTrue(SafeForms.covers(unique));
        List<SchemaChange.Step> steps = SafeForms.addConstraint(BOOK, unique, Phase.ADD_CONSTRAINT, "add unique");
        assertEquals(List.of("DROP INDEX CONCURRENTLY IF EXISTS uk_book_isbn",
                "CREATE UNIQUE INDEX CONCURRENTLY uk_book_isbn ON book USING btree (isbn) NULLS NOT DISTINCT"), steps.get(0).statements());
        assertTrue(steps.get(0).concurrent());
        assertEquals(List.of("ALTER TABLE book ADD CONSTRAINT uk_book_isbn UNIQUE USING INDEX uk_book_isbn"), steps.get(1).statements());
        assertEquals(false, SafeForms.covers(new Catalog.Constraint("uk", 'u', "UNIQUE (isbn) DEFERRABLE", null, List.of("isbn"),
                List.of(), null)), "no USING INDEX form written for a deferrable unique constraint");
    }

    private static String withoutComment(String text) {
        return text.startsWith("-- ") ? text.substring(text.indexOf('\n') + 1) : text;
    }
}
