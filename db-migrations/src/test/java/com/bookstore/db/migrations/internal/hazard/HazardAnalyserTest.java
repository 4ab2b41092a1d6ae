package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.HazardAnalyser.Unit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analyser on the statement shapes of the generator, of Liquibase's SQL generators and of hand-written SQL. */
class HazardAnalyserTest {

    /** The hazards of one revision of one transactional changeset, nothing known of the schema. */
    static List<Hazard> hazards(String... sql) {
        return HazardAnalyser.startingFrom(null).analyse(List.of(new Unit("cs", true, List.of(sql)))).hazards();
    }

    static List<Hazard> hazards(Catalog catalog, String... sql) {
        return HazardAnalyser.startingFrom(catalog).analyse(List.of(new Unit("cs", true, List.of(sql)))).hazards();
    }

    static Hazard only(String... sql) {
        List<Hazard> found = hazards(sql);
        assertEquals(1, found.size(), () -> "expected one hazard, got " + found);
        return found.get(0);
    }

    static Hazard only(Catalog catalog, String sql) {
        List<Hazard> found = hazards(catalog, sql);
        assertEquals(1, found.size(), () -> "expected one hazard, got " + found);
        return found.get(0);
    }

    static void none(String... sql) {
        List<Hazard> found = hazards(sql);
        assertTrue(found.isEmpty(), () -> "expected no hazard, got " + found);
    }

    static void none(Catalog catalog, String sql) {
        List<Hazard> found = hazards(catalog, sql);
        assertTrue(found.isEmpty(), () -> "expected no hazard, got " + found);
    }

    static Catalog.Column column(String name, String type) {
        return new Catalog.Column(name, type, false, null, "", null, null, null, null);
    }

    /** A catalog with table book and its columns, a validated NOT NULL check on isbn, and index ix_book_title. */
    static Catalog catalog() {
        QualifiedName book = new QualifiedName("public", "book");
        List<Catalog.Column> columns = List.of(column("id", "bigint"), column("title", "character varying(100)"),
                column("price", "numeric(10,2)"), column("stock", "integer"), column("notes", "text"),
                column("isbn", "character varying(13)"), column("created", "timestamp(3) without time zone"),
                column("updated", "timestamp without time zone"), column("code", "character(3)"), column("mood", "mood"));
        TreeMap<String, Catalog.Constraint> constraints = new TreeMap<>(Map.of(
                "book_pkey", new Catalog.Constraint("book_pkey", 'p', "PRIMARY KEY (id)", null, List.of("id"), List.of(), null),
                "book_isbn_not_null", new Catalog.Constraint("book_isbn_not_null", 'c', "CHECK ((isbn IS NOT NULL))", null,
                        List.of("isbn"), List.of(), null),
                "book_title_not_null", new Catalog.Constraint("book_title_not_null", 'c', "CHECK ((title IS NOT NULL)) NOT VALID",
                        null, List.of("title"), List.of(), null)));
        TreeMap<String, Catalog.Index> indexes = new TreeMap<>(Map.of("ix_book_title", new Catalog.Index("ix_book_title",
                "CREATE INDEX ix_book_title ON public.book USING btree (title)", true, null)));
        Catalog.Table table = new Catalog.Table(book, columns, constraints, indexes, null);
        return new Catalog(Set.of("public"), new TreeMap<>(Map.of(book, table)), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), Map.of(), List.of());
    }

    /** {@code catalog} with {@code extra} indexes on its table book. */
    static Catalog withIndexes(Catalog catalog, Catalog.Index... extra) {
        QualifiedName book = new QualifiedName("public", "book");
        Catalog.Table table = catalog.tables().get(book);
        TreeMap<String, Catalog.Index> indexes = new TreeMap<>(table.indexes());
        for (Catalog.Index index : extra) {
            indexes.put(index.name(), index);
        }
        Catalog.Table with = new Catalog.Table(book, table.columns(), new TreeMap<>(table.constraints()), indexes, null);
        return new Catalog(Set.of("public"), new TreeMap<>(Map.of(book, with)), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), Map.of(), List.of());
    }

    @Nested
    class Indexes {

        @Test
        void create_index_on_an_existing_table_blocks_writes_for_the_whole_build() {
            Hazard hazard = only("CREATE INDEX ix_volume_title ON public.volume USING btree (title)");
            assertEquals(Rule.CREATE_INDEX, hazard.rule());
            assertEquals("create-index-blocking-writes", hazard.rule().id());
            assertEquals("volume", hazard.table());
            assertEquals(LockLevel.SHARE, hazard.lock());
            assertTrue(hazard.blocks().startsWith("writes"), hazard.blocks());
            assertTrue(hazard.effect().contains("reads the whole table"), hazard.effect());
            assertTrue(hazard.alternative().startsWith("CREATE INDEX CONCURRENTLY ix_volume_title ON public.volume USING "
                    + "btree (title), alone in a changeset with runInTransaction=\"false\""), hazard.alternative());
            assertEquals("cs", hazard.changeset());
        }

        @Test
        void keywords_and_names_are_read_case_insensitively_with_comments_anywhere() {
            assertEquals("book", only("create /* why */ UNIQUE index IF NOT EXISTS ux ON -- note\n Public.Book (isbn)").table());
            assertEquals("book", only("CREATE INDEX ON book (isbn)").table());
            assertEquals("archive.book", only("CREATE INDEX ix ON ONLY archive.book (isbn)").table());
        }

        @Test
        void create_index_concurrently_outside_a_transaction_is_safe() {
            List<Hazard> found = HazardAnalyser.startingFrom(null)
                    .analyse(List.of(new Unit("cs", false, List.of("CREATE INDEX CONCURRENTLY ix ON book (isbn)")))).hazards();
            assertTrue(found.isEmpty(), found::toString);
        }

        @Test
        void create_index_concurrently_in_a_transactional_changeset_fails_and_is_reported() {
            Hazard hazard = only("CREATE INDEX CONCURRENTLY ix ON book (isbn)");
            assertEquals(Rule.CONCURRENTLY_IN_TRANSACTION, hazard.rule());
            assertTrue(hazard.effect().contains("refuses CREATE INDEX CONCURRENTLY inside a transaction block"), hazard.effect());
        }

        @Test
        void an_index_on_a_table_created_in_the_same_revision_is_exempt() {
            none("CREATE TABLE shelf (id bigint NOT NULL, label varchar(80))", "CREATE INDEX ix_shelf_label ON shelf (label)");
            none("CREATE TABLE \"Order\" (\"Total\" numeric)", "CREATE INDEX ix ON \"Order\" (\"Total\")");
            // "Order" and order are two tables: the quoted one was created, the folded one exists
            assertEquals("order", only("CREATE TABLE \"Order\" (id int)", "CREATE INDEX ix ON \"order\" (id)").table());
            assertEquals("Order", only("CREATE INDEX ix ON \"Order\" (id)").table());
        }

        @Test
        void create_table_if_not_exists_of_a_table_already_there_creates_nothing() {
            assertEquals("book", only(catalog(), "CREATE TABLE IF NOT EXISTS book (id bigint); CREATE INDEX ix ON book (id)")
                    .table());
            none("CREATE TABLE IF NOT EXISTS shelf (id bigint); CREATE INDEX ix ON shelf (id)");
        }

        @Test
        void tables_created_by_another_statement_of_the_revision_can_be_named_by_the_caller() {
            List<Hazard> found = HazardAnalyser.startingFrom(null).analyse(List.of(new Unit("cs", true,
                    List.of("CREATE INDEX ix ON shelf (label)"))), Set.of(new QualifiedName("public", "shelf"))).hazards();
            assertTrue(found.isEmpty(), found::toString);
        }

        @Test
        void drop_index_takes_access_exclusive_on_its_table() {
            Hazard unknownTable = only("DROP INDEX ix_old");
            assertEquals(Rule.DROP_INDEX, unknownTable.rule());
            assertEquals(LockLevel.ACCESS_EXCLUSIVE, unknownTable.lock());
            assertEquals("the table of index ix_old", unknownTable.table());
            assertEquals("DROP INDEX CONCURRENTLY ix_old, alone in a changeset with runInTransaction=\"false\"",
                    unknownTable.alternative());
            assertEquals("book", only(catalog(), "DROP INDEX public.ix_book_title").table());
            assertEquals(2, hazards("DROP INDEX IF EXISTS a, b CASCADE").size());
            none("CREATE TABLE t (a int)", "CREATE INDEX ix_t ON t (a)", "DROP INDEX ix_t");
        }

        @Test
        void drop_index_concurrently_outside_a_transaction_is_safe() {
            assertTrue(HazardAnalyser.startingFrom(null).analyse(List.of(new Unit("cs", false,
                    List.of("DROP INDEX CONCURRENTLY IF EXISTS ix_old")))).hazards().isEmpty());
        }
    }

    @Nested
    class Constraints {

        @Test
        void a_foreign_key_without_not_valid_locks_both_tables_against_writes_and_scans() {
            Hazard hazard = only("ALTER TABLE book ADD CONSTRAINT fk_book_publisher FOREIGN KEY (publisher_id) "
                    + "REFERENCES publisher(id) ON DELETE CASCADE");
            assertEquals(Rule.ADD_FOREIGN_KEY, hazard.rule());
            assertEquals(LockLevel.SHARE_ROW_EXCLUSIVE, hazard.lock());
            assertTrue(hazard.blocks().startsWith("writes"), hazard.blocks());
            assertTrue(hazard.lockedTables().startsWith("book and publisher"), hazard.lockedTables());
            assertTrue(hazard.effect().contains("scans the whole table"), hazard.effect());
            assertTrue(hazard.alternative().contains("ON DELETE CASCADE NOT VALID; then, in a later changeset, ALTER TABLE "
                    + "book VALIDATE CONSTRAINT fk_book_publisher"), hazard.alternative());
            // Liquibase's addForeignKeyConstraint
            assertEquals(Rule.ADD_FOREIGN_KEY, only("ALTER TABLE public.book ADD CONSTRAINT fk FOREIGN KEY (publisher_id) "
                    + "REFERENCES public.publisher (id)").rule());
        }

        @Test
        void not_valid_then_validate_in_a_later_changeset_is_safe() {
            HazardReport report = HazardAnalyser.startingFrom(null).analyse(List.of(
                    new Unit("one", true, List.of("ALTER TABLE book ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES p(id) NOT VALID")),
                    new Unit("two", true, List.of("ALTER TABLE book VALIDATE CONSTRAINT fk"))));
            assertTrue(report.hazards().isEmpty(), report.hazards()::toString);
        }

        @Test
        void validate_in_the_transaction_that_added_the_constraint_scans_under_its_lock() {
            Hazard hazard = only("ALTER TABLE book ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES p(id) NOT VALID",
                    "ALTER TABLE book VALIDATE CONSTRAINT fk");
            assertEquals(Rule.VALIDATE_UNDER_LOCK, hazard.rule());
            assertEquals(LockLevel.SHARE_ROW_EXCLUSIVE, hazard.lock());
        }

        /** A backfill in the changeset of the ALTER TABLE runs under the ALTER's lock, held until the changeset ends. */
        @Test
        void a_data_change_in_the_transaction_that_locked_the_table_holds_the_lock_for_the_whole_change() {
            for (String change : List.of("UPDATE book SET notes = title", "update only public.book set notes = ''",
                    "DELETE FROM book WHERE stock < 0", "INSERT INTO book (id, title) SELECT id + 1000, title FROM book",
                    "MERGE INTO book b USING book s ON b.id = s.id WHEN MATCHED THEN UPDATE SET notes = s.title")) {
                Hazard hazard = only("ALTER TABLE book ADD COLUMN shelf text", change);
                assertEquals(Rule.DATA_CHANGE_UNDER_LOCK, hazard.rule(), change);
                assertEquals(LockLevel.ACCESS_EXCLUSIVE, hazard.lock(), change);
                assertTrue(hazard.lockedTables().contains("held since an earlier statement"), hazard.lockedTables());
                assertTrue(hazard.effect().contains("the service waits for the whole data change"), hazard.effect());
            }
            // alone, after a lock that blocks nobody, in a changeset of its own, on a new table, a few rows: nothing
            none("UPDATE book SET notes = title");
            none("ALTER TABLE book VALIDATE CONSTRAINT ck_book_price", "UPDATE book SET notes = title");
            HazardReport separate = HazardAnalyser.startingFrom(null).analyse(List.of(
                    new Unit("alter", true, List.of("ALTER TABLE book ADD COLUMN shelf text")),
                    new Unit("backfill", true, List.of("UPDATE book SET shelf = 'a'"))));
            assertTrue(separate.hazards().isEmpty(), separate.hazards()::toString);
            HazardReport autocommit = HazardAnalyser.startingFrom(null).analyse(List.of(
                    new Unit("statements", false, List.of("ALTER TABLE book ADD COLUMN shelf text", "UPDATE book SET shelf = 'a'"))));
            assertTrue(autocommit.hazards().isEmpty(), autocommit.hazards()::toString);
            none("CREATE TABLE extra (id bigint)", "INSERT INTO extra SELECT id FROM book", "UPDATE extra SET id = id + 1");
            none("ALTER TABLE book ADD COLUMN shelf text", "INSERT INTO book (id, title) VALUES (1, 'one')");
        }

        /**
         * A {@code WITH} that writes is a data change of each table it writes, in a common table expression or as its
         * main statement, and so is {@code COPY ... FROM}; a {@code WITH} that only reads (even {@code FOR UPDATE})
         * and {@code COPY ... TO} are not.
         */
        @Test
        void a_writing_with_or_copy_from_in_the_transaction_that_locked_the_table_is_a_data_change() {
            for (String change : List.of("WITH old AS (SELECT id FROM book WHERE stock = 0) UPDATE book SET notes = 'gone' "
                            + "WHERE id IN (SELECT id FROM old)",
                    "with gone as (delete from book where stock < 0 returning id) select count(*) from gone",
                    "WITH n AS (SELECT 1) INSERT INTO book (id, title) SELECT id + 1000, title FROM book "
                            + "ON CONFLICT (id) DO UPDATE SET title = excluded.title",
                    "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 3), "
                            + "m AS (UPDATE ONLY public.book SET stock = stock + 1 RETURNING id) SELECT * FROM r, m",
                    "COPY book FROM '/tmp/books.csv' WITH (FORMAT csv)", "copy book (id, title) from stdin")) {
                Hazard hazard = only("ALTER TABLE book ADD COLUMN shelf text", change);
                assertEquals(Rule.DATA_CHANGE_UNDER_LOCK, hazard.rule(), change);
                assertEquals("book", hazard.table(), change);
                assertEquals(LockLevel.ACCESS_EXCLUSIVE, hazard.lock(), change);
                assertTrue(hazard.effect().contains("writes the rows of book"), hazard.effect());
            }
            none("ALTER TABLE book ADD COLUMN shelf text", "WITH x AS (SELECT id FROM book FOR UPDATE) SELECT count(*) FROM x");
            none("ALTER TABLE book ADD COLUMN shelf text", "WITH x AS (SELECT id FROM book FOR NO KEY UPDATE OF book) SELECT 1");
            none("ALTER TABLE book ADD COLUMN shelf text", "COPY book TO STDOUT", "COPY (SELECT * FROM book) TO STDOUT");
            none("ALTER TABLE book ADD COLUMN shelf text", "CREATE TABLE archive (id bigint)",
                    "WITH moved AS (SELECT id FROM book) INSERT INTO archive SELECT id FROM moved");
        }

        @Test
        void constraints_of_a_table_created_in_the_revision_are_exempt() {
            none("CREATE TABLE extra (id bigint, shelf_id bigint, CONSTRAINT extra_pkey PRIMARY KEY (id))",
                    "ALTER TABLE extra ADD CONSTRAINT fk_extra_shelf FOREIGN KEY (shelf_id) REFERENCES shelf(id)",
                    "ALTER TABLE extra ADD CONSTRAINT ck CHECK (id > 0)", "ALTER TABLE extra ADD CONSTRAINT uk UNIQUE (shelf_id)");
        }

        @Test
        void a_check_without_not_valid_scans_under_access_exclusive() {
            Hazard hazard = only("ALTER TABLE book ADD CONSTRAINT book_price_check CHECK ((price > (0)::numeric))");
            assertEquals(Rule.ADD_CHECK, hazard.rule());
            assertEquals(LockLevel.ACCESS_EXCLUSIVE, hazard.lock());
            assertTrue(hazard.blocks().startsWith("reads and writes"), hazard.blocks());
            none("ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price > 0) NOT VALID");
        }

        @Test
        void a_unique_or_primary_key_builds_its_index_under_access_exclusive_unless_using_an_index() {
            Hazard unique = only("ALTER TABLE book ADD CONSTRAINT uk_book_isbn UNIQUE (isbn)");
            assertEquals(Rule.ADD_UNIQUE, unique.rule());
            assertEquals(LockLevel.ACCESS_EXCLUSIVE, unique.lock());
            assertTrue(unique.alternative().startsWith("CREATE UNIQUE INDEX CONCURRENTLY uk_book_isbn ON book (isbn)"),
                    unique.alternative());
            assertTrue(unique.alternative().contains("ALTER TABLE book ADD CONSTRAINT uk_book_isbn UNIQUE USING INDEX "
                    + "uk_book_isbn"), unique.alternative());
            Hazard primary = only("ALTER TABLE t2 ADD PRIMARY KEY (id)");
            assertEquals(Rule.ADD_UNIQUE, primary.rule());
            assertTrue(primary.alternative().contains("t2_pkey PRIMARY KEY USING INDEX t2_pkey"), primary.alternative());
            assertEquals(Rule.ADD_UNIQUE, only("ALTER TABLE book ADD CONSTRAINT uk UNIQUE NULLS NOT DISTINCT (isbn) "
                    + "DEFERRABLE INITIALLY DEFERRED").rule());
            none("ALTER TABLE book ADD CONSTRAINT uk_book_isbn UNIQUE USING INDEX ux_book_isbn");
        }

        /** PRIMARY KEY USING INDEX sets the index's columns NOT NULL first: a scan for each column that is not yet. */
        @Test
        void a_primary_key_using_an_index_scans_for_nulls_unless_its_columns_are_not_null_or_proven() {
            // ux_book_code (code, nullable) and ux_book_isbn (isbn, proven by the validated check book_isbn_not_null)
            Catalog catalog = withIndexes(catalog(),
                    new Catalog.Index("ux_book_code", "CREATE UNIQUE INDEX ux_book_code ON public.book USING btree (code)",
                            true, null),
                    new Catalog.Index("ux_book_isbn", "CREATE UNIQUE INDEX ux_book_isbn ON public.book USING btree "
                            + "(isbn DESC NULLS LAST)", true, null));
            List<Hazard> nullable = hazards(catalog, "ALTER TABLE book ADD CONSTRAINT book_pk PRIMARY KEY USING "
                    + "INDEX ux_book_code");
            assertEquals(List.of(Rule.SET_NOT_NULL), nullable.stream().map(Hazard::rule).toList(), nullable::toString);
            assertEquals(LockLevel.ACCESS_EXCLUSIVE, nullable.get(0).lock());
            assertTrue(nullable.get(0).effect().contains("sets code NOT NULL first"), nullable.get(0).effect());
            assertTrue(nullable.get(0).alternative().contains("ADD CONSTRAINT book_code_not_null CHECK (code IS NOT NULL) "
                    + "NOT VALID"), nullable.get(0).alternative());

            assertEquals(List.of(), hazards(catalog, "ALTER TABLE book ADD CONSTRAINT book_pk PRIMARY KEY USING "
                    + "INDEX ux_book_isbn"), "isbn is proven NOT NULL by a validated check");
            assertEquals(List.of(Rule.SET_NOT_NULL), hazards(catalog, "ALTER TABLE book ALTER COLUMN code SET NOT NULL",
                    "ALTER TABLE book ADD CONSTRAINT book_pk PRIMARY KEY USING INDEX ux_book_code").stream()
                    .map(Hazard::rule).toList(), "only the SET NOT NULL scans; the primary key then finds code NOT NULL");
            assertEquals(List.of(Rule.SET_NOT_NULL), hazards(catalog, "ALTER TABLE book ALTER COLUMN code SET NOT NULL",
                    "ALTER TABLE book ALTER COLUMN code DROP NOT NULL", "ALTER TABLE book ADD CONSTRAINT book_pk PRIMARY KEY "
                    + "USING INDEX ux_book_code").stream().map(Hazard::rule).toList().subList(1, 2),
                    "after DROP NOT NULL the column may hold NULL again");

            Hazard unknown = only("ALTER TABLE book ADD CONSTRAINT book_pkey PRIMARY KEY USING INDEX ux_book_id");
            assertEquals(Rule.SET_NOT_NULL, unknown.rule());
            assertTrue(unknown.effect().contains("the columns of ux_book_id") && unknown.effect().contains("not known"),
                    unknown.effect());
        }

        @Test
        void an_exclusion_constraint_has_no_online_form() {
            assertEquals(Rule.ADD_EXCLUSION, only("ALTER TABLE booking ADD CONSTRAINT no_overlap EXCLUDE USING gist "
                    + "(room WITH =, during WITH &&)").rule());
        }

        @Test
        void set_not_null_scans_under_access_exclusive() {
            Hazard hazard = only("ALTER TABLE book ALTER COLUMN  title SET NOT NULL"); // Liquibase writes two spaces
            assertEquals(Rule.SET_NOT_NULL, hazard.rule());
            assertEquals(LockLevel.ACCESS_EXCLUSIVE, hazard.lock());
            assertTrue(hazard.effect().contains("scans the whole table"), hazard.effect());
            assertEquals("ALTER TABLE book ADD CONSTRAINT book_title_not_null CHECK (title IS NOT NULL) NOT VALID; in a "
                    + "later changeset ALTER TABLE book VALIDATE CONSTRAINT book_title_not_null; then ALTER TABLE book ALTER "
                    + "COLUMN title SET NOT NULL (PostgreSQL 12+ skips the scan) and ALTER TABLE book DROP CONSTRAINT "
                    + "book_title_not_null", hazard.alternative());
            assertEquals(Rule.SET_NOT_NULL, only("ALTER TABLE \"user\" ALTER \"Name\" SET NOT NULL").rule());
        }

        @Test
        void the_safe_set_not_null_sequence_has_no_hazard() {
            HazardReport report = HazardAnalyser.startingFrom(null).analyse(List.of(
                    new Unit("1", true, List.of("ALTER TABLE book ADD CONSTRAINT c CHECK (title IS NOT NULL) NOT VALID")),
                    new Unit("2", true, List.of("ALTER TABLE book VALIDATE CONSTRAINT c;",
                            "ALTER TABLE book ALTER COLUMN title SET NOT NULL; ALTER TABLE book DROP CONSTRAINT c"))));
            assertTrue(report.hazards().isEmpty(), report.hazards()::toString);
        }

        @Test
        void set_not_null_is_safe_when_the_catalog_has_a_validated_not_null_check() {
            none(catalog(), "ALTER TABLE book ALTER COLUMN isbn SET NOT NULL");
            // a NOT VALID check proves nothing
            assertEquals(Rule.SET_NOT_NULL, only(catalog(), "ALTER TABLE book ALTER COLUMN title SET NOT NULL").rule());
        }
    }

    @Nested
    class ColumnTypes {

        @ParameterizedTest(name = "no rewrite: {0}")
        @ValueSource(strings = {"title TYPE character varying(200)", "title TYPE varchar(200)", "title TYPE text",
                "title TYPE character varying", "title TYPE VARCHAR(600) USING (title::VARCHAR(600))",
                "title SET DATA TYPE varchar(100)", "title TYPE varchar(200) USING CAST(title AS varchar(200))",
                "price TYPE numeric(12,2)", "price TYPE numeric", "price TYPE decimal(11, 2)", "notes TYPE varchar",
                "created TYPE timestamp(6) without time zone", "created TYPE timestamp", "created TYPE timestamp(4)",
                "updated TYPE timestamp(6)", "stock TYPE int4"})
        void widening_changes_postgresql_makes_in_the_catalog_only(String change) {
            none(catalog(), "ALTER TABLE book ALTER COLUMN " + change);
        }

        @ParameterizedTest(name = "rewrite: {0}")
        @ValueSource(strings = {"stock TYPE bigint", "notes TYPE varchar(50)", "title TYPE varchar(50)",
                "price TYPE numeric(12,3)", "price TYPE numeric(8,2)", "created TYPE timestamp(0)", "updated TYPE timestamp(3)",
                "title TYPE integer USING title::integer", "code TYPE character(5)", "code TYPE text", "stock TYPE numeric(12,0)",
                "created TYPE timestamp(3) with time zone USING created AT TIME ZONE 'UTC'",
                "title TYPE varchar(200) USING lower(title)"})
        void changes_that_convert_every_value_rewrite_the_table(String change) {
            Hazard hazard = only(catalog(), "ALTER TABLE book ALTER COLUMN " + change);
            assertEquals(Rule.ALTER_COLUMN_TYPE, hazard.rule());
            assertEquals("alter-column-type-rewrite", hazard.rule().id());
            assertEquals(LockLevel.ACCESS_EXCLUSIVE, hazard.lock());
            assertTrue(hazard.effect().startsWith("rewrites the whole table"), hazard.effect());
        }

        @Test
        void an_unknown_old_type_or_a_zone_change_may_rewrite() {
            Hazard unknown = only("ALTER TABLE book ALTER COLUMN title TYPE text");
            assertTrue(unknown.effect().startsWith("may rewrite"), unknown.effect());
            assertTrue(unknown.effect().contains("current type is not known"), unknown.effect());
            Hazard zone = only(catalog(), "ALTER TABLE book ALTER COLUMN created TYPE timestamp(3) with time zone");
            assertTrue(zone.effect().startsWith("may rewrite") && zone.effect().contains("TimeZone is UTC"), zone.effect());
            Hazard userType = only(catalog(), "ALTER TABLE book ALTER COLUMN mood TYPE text");
            assertTrue(userType.effect().startsWith("may rewrite"), userType.effect());
        }

        @Test
        void a_collation_change_rebuilds_the_column_indexes() {
            Hazard hazard = only(catalog(), "ALTER TABLE book ALTER COLUMN notes TYPE text COLLATE \"C\"");
            assertTrue(hazard.effect().startsWith("rebuilds the indexes on the column"), hazard.effect());
            none(catalog(), "ALTER TABLE book ALTER COLUMN notes TYPE text COLLATE pg_catalog.\"default\"");
        }

        @Test
        void types_learnt_from_earlier_revisions_decide_later_ones() {
            HazardAnalyser analyser = HazardAnalyser.startingFrom(null);
            assertTrue(analyser.analyse(List.of(new Unit("1", true, List.of("CREATE TABLE shelf (id bigint, "
                    + "label varchar(10) NOT NULL, CONSTRAINT shelf_pkey PRIMARY KEY (id))")))).hazards().isEmpty());
            assertTrue(analyser.analyse(List.of(new Unit("2", true, List.of("ALTER TABLE shelf ALTER COLUMN label TYPE "
                    + "varchar(20); ALTER TABLE shelf ADD COLUMN n integer")))).hazards().isEmpty());
            List<Hazard> third = analyser.analyse(List.of(new Unit("3", true, List.of("ALTER TABLE shelf ALTER COLUMN label "
                    + "TYPE varchar(15); ALTER TABLE shelf ALTER COLUMN n TYPE bigint")))).hazards();
            assertEquals(2, third.size(), third::toString);
            assertTrue(third.stream().allMatch(h -> h.effect().startsWith("rewrites")), third::toString);
            assertTrue(analyser.analyse(List.of(new Unit("4", true, List.of("ALTER TABLE shelf RENAME COLUMN n TO m")))).hazards()
                    .stream().allMatch(h -> h.rule() == Rule.RENAME_COLUMN));
            assertTrue(analyser.analyse(List.of(new Unit("5", true, List.of("ALTER TABLE shelf ALTER COLUMN m TYPE bigint"))))
                    .hazards().isEmpty(), "the renamed column keeps its type");
        }
    }

    @Nested
    class AddColumn {

        @ParameterizedTest(name = "rewrite: {0}")
        @ValueSource(strings = {"ADD COLUMN token uuid DEFAULT gen_random_uuid()", "ADD token uuid DEFAULT gen_random_uuid()",
                "ADD COLUMN at timestamptz DEFAULT clock_timestamp() NOT NULL", "ADD COLUMN r float8 DEFAULT random()",
                "ADD COLUMN n bigint DEFAULT nextval('book_n_seq'::regclass) NOT NULL", "ADD COLUMN n bigserial",
                "ADD COLUMN IF NOT EXISTS n bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 1)",
                "ADD COLUMN twice numeric GENERATED ALWAYS AS (price * 2) STORED",
                "ADD COLUMN u uuid DEFAULT public.uuid_generate_v4()"})
        void a_value_computed_for_every_row_rewrites_the_table(String add) {
            Hazard hazard = only("ALTER TABLE book " + add);
            assertEquals(Rule.ADD_COLUMN_VOLATILE_DEFAULT, hazard.rule());
            assertTrue(hazard.effect().startsWith("rewrites the whole table"), hazard.effect());
        }

        @ParameterizedTest(name = "catalog only: {0}")
        @ValueSource(strings = {"ADD COLUMN subtitle character varying(200)", "ADD subtitle VARCHAR(200)",
                "ADD COLUMN n integer DEFAULT 0 NOT NULL", "ADD n INTEGER DEFAULT 0 NOT NULL",
                "ADD COLUMN at timestamp with time zone DEFAULT now() NOT NULL", "ADD COLUMN at timestamptz DEFAULT CURRENT_TIMESTAMP",
                "ADD COLUMN s varchar(10) DEFAULT 'x'::character varying", "ADD COLUMN j jsonb DEFAULT '{}'::jsonb NOT NULL",
                "ADD COLUMN d date DEFAULT CAST('2020-01-01' AS date)", "ADD COLUMN flag boolean DEFAULT false NOT NULL",
                "ADD COLUMN label character varying(80) COLLATE \"C\" DEFAULT NULL",
                "ADD COLUMN at timestamp(3) without time zone DEFAULT (now() AT TIME ZONE 'utc'::text)"})
        void a_constant_or_stable_default_is_stored_once_in_the_catalog(String add) {
            none("ALTER TABLE book " + add);
        }

        @Test
        void a_function_of_unknown_volatility_may_rewrite() {
            Hazard hazard = only("ALTER TABLE book ADD COLUMN slug text DEFAULT make_slug()");
            assertTrue(hazard.effect().startsWith("may rewrite") && hazard.effect().contains("make_slug()"), hazard.effect());
        }

        @Test
        void inline_constraints_of_a_new_column_scan_or_build_an_index() {
            // a new column without default is NULL in every row: PostgreSQL skips validating its REFERENCES
            none("ALTER TABLE book ADD COLUMN publisher_id bigint REFERENCES publisher(id) ON DELETE SET NULL");
            assertEquals(Rule.ADD_FOREIGN_KEY, only("ALTER TABLE book ADD COLUMN publisher_id bigint DEFAULT 1 "
                    + "REFERENCES publisher(id)").rule());
            assertEquals(Rule.ADD_CHECK, only("ALTER TABLE book ADD COLUMN n int CONSTRAINT positive CHECK (n > 0)").rule());
            assertEquals(Rule.ADD_UNIQUE, only("ALTER TABLE book ADD COLUMN code text UNIQUE").rule());
        }
    }

    @Nested
    class Compatibility {

        @Test
        void renames_and_drops_break_the_previous_version() {
            assertEquals(Rule.RENAME_COLUMN, only("ALTER TABLE book RENAME COLUMN title TO name").rule());
            assertEquals(Rule.RENAME_COLUMN, only("ALTER TABLE IF EXISTS ONLY book RENAME title TO name").rule());
            assertEquals(Rule.RENAME_TABLE, only("ALTER TABLE book RENAME TO books").rule());
            assertEquals(Rule.RENAME_TABLE, only("ALTER TABLE book SET SCHEMA archive").rule());
            Hazard drop = only("ALTER TABLE book DROP COLUMN legacy");
            assertEquals(Rule.DROP_COLUMN, drop.rule());
            assertTrue(drop.effect().contains("previous version of the service"), drop.effect());
            assertEquals(List.of(Rule.DROP_TABLE, Rule.DROP_TABLE),
                    hazards("DROP TABLE IF EXISTS old, older CASCADE").stream().map(Hazard::rule).toList());
        }

        @Test
        void renaming_a_constraint_or_an_index_breaks_nothing() {
            none("ALTER TABLE book RENAME CONSTRAINT uk_a TO uk_b", "ALTER INDEX ix_a RENAME TO ix_b");
        }

        @Test
        void dropping_a_table_created_in_the_same_revision_is_exempt_but_not_one_dropped_before_it_is_created() {
            none("CREATE TABLE tmp (id int)", "DROP TABLE tmp");
            assertEquals(Rule.DROP_TABLE, only("DROP TABLE shelf", "CREATE TABLE shelf (id int)").rule());
        }
    }

    @Nested
    class NotAnalysed {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"ALTER TABLE book OWNER TO app", "ALTER TABLE book ALTER COLUMN x SET EXPRESSION AS (a + b)",
                "ALTER TABLE book SET TABLESPACE fast", "ALTER TABLE book ADD COLUMN x int SOMETHING", "ALTER TABLE book ENABLE ROW LEVEL SECURITY"})
        void an_alter_table_action_it_does_not_know_is_reported_with_the_worst_lock(String sql) {
            Hazard hazard = only(sql);
            assertEquals(Rule.NOT_ANALYSED, hazard.rule());
            assertEquals(LockLevel.UNKNOWN, hazard.lock());
            assertTrue(hazard.blocks().contains("assume reads and writes"), hazard.blocks());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"DO $$ BEGIN ALTER TABLE book DROP COLUMN x; END $$", "CALL reshape_books()",
                "DROP TYPE mood CASCADE", "ALTER DOMAIN positive ADD CHECK (VALUE > 0)", "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)",
                "BEGIN", "frobnicate the database"})
        void a_statement_it_does_not_know_is_reported_not_ignored(String sql) {
            assertEquals(Rule.NOT_ANALYSED, only(sql).rule());
        }

        /** A function can write rows, take any lock or change the schema: a SELECT calling one is not a read. */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"SELECT backfill_prices()", "SELECT public.backfill_prices(100)",
                "SELECT count(*) FROM book WHERE reprice(id)", "VALUES (archive_old_orders())",
                "WITH x AS (SELECT purge(id) FROM book) SELECT count(*) FROM x", "SELECT \"Backfill\"()",
                "SELECT pg_advisory_lock(42)", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity",
                "EXPLAIN ANALYZE UPDATE book SET title = upper(title)", "EXPLAIN (ANALYZE) DELETE FROM book",
                "EXPLAIN (VERBOSE, ANALYZE) DELETE FROM book", "SELECT backfill_prices() AS done",
                "COPY (SELECT backfill()) TO STDOUT", "INSERT INTO audit (note) VALUES (backfill())",
                "WITH t(a) AS (SELECT purge()) SELECT a FROM t"})
        void a_read_that_runs_a_function_it_does_not_know_is_reported_not_analysed(String sql) {
            Hazard hazard = only(sql);
            assertEquals(Rule.NOT_ANALYSED, hazard.rule(), hazard::toString);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"SELECT count(*) FROM book", "SELECT coalesce(max(id), 0) + 1 FROM book",
                "SELECT setval(pg_get_serial_sequence('book', 'id'), coalesce(max(id), 1)) FROM book",
                "SELECT id::numeric(10, 2), cast(title AS varchar(20)) FROM book AS b(id, title)",
                "SELECT x FROM generate_series(1, 3) g(x) WHERE x IN (1, 2) AND EXISTS (SELECT 1)",
                "SELECT row_number() OVER (PARTITION BY shelf ORDER BY id) FROM book",
                "SELECT pg_catalog.lower(title) FROM book", "EXPLAIN SELECT * FROM book",
                "WITH t(a) AS (SELECT 1) SELECT a FROM t", "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t "
                        + "WHERE n < 3) SELECT n FROM t", "SELECT title::character varying(20), CAST(id AS bit varying(8)) FROM book",
                "SELECT u.x FROM unnest(ARRAY[1, 2]) WITH ORDINALITY u(x, n)", "SELECT * FROM book TABLESAMPLE SYSTEM (10)",
                "SELECT date(now()), current_schema(), clock_timestamp()", "SELECT pg_catalog.set_config('search_path', '', false)",
                "INSERT INTO public.audit (note, at) VALUES ('x', now()) ON CONFLICT (note) DO NOTHING",
                "SELECT substring(title FROM 1 FOR 3) FROM book", "COPY book (id, title) TO STDOUT",
                "INSERT INTO account (id, secret) VALUES (uuid_generate_v4(), crypt('x', gen_salt('bf')))"})
        void a_read_of_known_functions_is_harmless(String sql) {
            none(sql);
        }

        @Test
        void an_unknown_action_on_a_table_created_in_the_revision_is_exempt() {
            none("CREATE TABLE t (id int)", "ALTER TABLE t OWNER TO app");
        }

        @Test
        void statements_whose_point_is_a_table_lock_are_reported_with_their_lock() {
            assertEquals(Rule.BLOCKING_STATEMENT, only("TRUNCATE TABLE book").rule());
            Hazard lock = only("LOCK TABLE book IN SHARE ROW EXCLUSIVE MODE");
            assertEquals(LockLevel.SHARE_ROW_EXCLUSIVE, lock.lock());
            assertEquals(LockLevel.ACCESS_EXCLUSIVE, only("LOCK book").lock());
            assertEquals(Rule.BLOCKING_STATEMENT, only("VACUUM FULL book").rule());
            assertEquals(Rule.BLOCKING_STATEMENT, only("CLUSTER book USING ix_book_title").rule());
            assertEquals(Rule.BLOCKING_STATEMENT, only("REINDEX TABLE book").rule());
            assertEquals(Rule.BLOCKING_STATEMENT, only("REFRESH MATERIALIZED VIEW sales").rule());
            none("REFRESH MATERIALIZED VIEW CONCURRENTLY sales");
            assertEquals(Rule.CONCURRENTLY_IN_TRANSACTION, only("REINDEX INDEX CONCURRENTLY ix").rule());
        }
    }

    @Test
    void the_generators_statement_shapes_are_all_understood() {
        // what SchemaDiffer writes, on existing tables, for changes that take no more than a catalog update
        none("CREATE SCHEMA archive", "CREATE TYPE mood AS ENUM ('happy', 'sad')", "ALTER TYPE mood ADD VALUE 'ok' AFTER 'happy'",
                "ALTER TYPE mood RENAME TO mood_old", "DROP TYPE mood_old", "CREATE TYPE dims AS (w integer, h integer)",
                "CREATE SEQUENCE item_seq START WITH 1 INCREMENT BY 50", "ALTER SEQUENCE item_seq INCREMENT BY 10",
                "ALTER SEQUENCE item_seq RENAME TO item_id_seq", "DROP SEQUENCE item_id_seq", "DROP SCHEMA legacy",
                "ALTER TABLE item DROP CONSTRAINT fk_item_shelf", "ALTER TABLE item ALTER COLUMN name DROP NOT NULL",
                "ALTER TABLE item ALTER COLUMN name DROP DEFAULT", "ALTER TABLE item ALTER COLUMN name SET DEFAULT 'x'::text",
                "ALTER TABLE item ALTER COLUMN total DROP EXPRESSION", "ALTER TABLE item ALTER COLUMN id DROP IDENTITY",
                "ALTER TABLE item ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 1 INCREMENT BY 1)",
                "SELECT setval(pg_get_serial_sequence('item', 'id'), max(id)) FROM item HAVING max(id) IS NOT NULL",
                "ALTER TABLE item ALTER COLUMN id SET GENERATED ALWAYS",
                "ALTER TABLE item ALTER COLUMN id SET INCREMENT BY 50 SET START WITH 1 SET NO CYCLE",
                "ALTER TABLE item RENAME CONSTRAINT uk_a TO uk_b", "ALTER INDEX archive.ix_a RENAME TO ix_b",
                "COMMENT ON TABLE item IS 'x'", "COMMENT ON COLUMN item.name IS NULL",
                "COMMENT ON CONSTRAINT uk_b ON item IS 'y'", "ALTER TABLE item ADD COLUMN note text",
                "ALTER TABLE item ADD COLUMN qty integer DEFAULT 1 NOT NULL",
                "CREATE TABLE archive.item (id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, name character varying(80) "
                        + "COLLATE \"C\" DEFAULT 'x'::character varying NOT NULL, total numeric GENERATED ALWAYS AS (qty * 2) "
                        + "STORED, CONSTRAINT item_pkey PRIMARY KEY (id), CONSTRAINT ck CHECK ((id > 0)))",
                "UPDATE note SET text = 'ALTER TABLE x DROP COLUMN y; DROP TABLE z' WHERE id = 1",
                "INSERT INTO item (id) VALUES (1)", "GRANT SELECT ON item TO reader", "SET search_path = public",
                "CREATE VIEW v AS SELECT 1", "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql");
    }

    /** The previous version draws ids from its sequences by name: a drop or a rename breaks its inserts. */
    @Test
    void a_sequence_dropped_or_renamed_breaks_the_previous_versions_inserts_unless_the_revision_created_it() {
        Hazard dropped = only("DROP SEQUENCE IF EXISTS basket_seq");
        assertEquals(Rule.DROP_SEQUENCE, dropped.rule());
        assertEquals("basket_seq", dropped.table());
        assertTrue(dropped.effect().contains("nextval('basket_seq')"), dropped.effect());
        Hazard renamed = only("ALTER SEQUENCE item_seq RENAME TO item_id_seq");
        assertEquals(Rule.RENAME_SEQUENCE, renamed.rule());
        assertTrue(renamed.effect().contains("not from item_id_seq"), renamed.effect());
        assertEquals(Rule.RENAME_SEQUENCE, only("ALTER SEQUENCE archive.item_seq SET SCHEMA public").rule());
        assertEquals(List.of(Rule.DROP_SEQUENCE, Rule.DROP_SEQUENCE), hazards("DROP SEQUENCE a_seq, archive.b_seq").stream()
                .map(Hazard::rule).toList());
        none("ALTER SEQUENCE item_seq INCREMENT BY 10 RESTART WITH 100");
        assertEquals(Rule.NOT_ANALYSED, only("DROP SEQUENCE item_seq CASCADE").rule());
    }

    @Test
    void multiple_actions_of_one_alter_table_are_each_judged() {
        List<Hazard> found = hazards("ALTER TABLE book ADD COLUMN a int, ALTER COLUMN b SET NOT NULL, "
                + "ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES a(id)");
        assertEquals(List.of(Rule.ADD_FOREIGN_KEY, Rule.SET_NOT_NULL), found.stream().map(Hazard::rule).sorted().toList());
        // the ADD COLUMN takes ACCESS EXCLUSIVE, so the foreign key's scan runs under it
        assertEquals(LockLevel.ACCESS_EXCLUSIVE, found.stream().filter(h -> h.rule() == Rule.ADD_FOREIGN_KEY).findFirst()
                .orElseThrow().lock());
    }

    @Test
    void the_lock_note_names_the_tables_and_sees_a_lock_timeout() {
        HazardReport plain = HazardAnalyser.startingFrom(null).analyse(List.of(new Unit("cs", true,
                List.of("ALTER TABLE book ADD COLUMN note text", "CREATE TABLE t (id int)", "ALTER TABLE t ADD COLUMN x int"))));
        assertTrue(plain.hazards().isEmpty());
        assertEquals(Set.of("book"), plain.lockedTables());
        assertTrue(plain.lockQueueNote().orElseThrow().contains("SET LOCAL lock_timeout"), plain.lockQueueNote()::get);
        HazardReport bounded = HazardAnalyser.startingFrom(null).analyse(List.of(new Unit("cs", true,
                List.of("SET LOCAL lock_timeout = '5s'", "ALTER TABLE book ADD COLUMN note text"))));
        assertTrue(bounded.setsLockTimeout());
        assertTrue(bounded.lockQueueNote().orElseThrow().contains("sets lock_timeout"));
        assertFalse(HazardAnalyser.startingFrom(null).analyse(List.of(new Unit("cs", true,
                List.of("CREATE INDEX CONCURRENTLY ix ON book (a)")))).lockQueueNote().isPresent());
    }

    /** The safe forms {@code generate} writes by default, changeset by changeset: nothing to report. */
    @Nested
    class SafeFormsOfGenerate {

        private final List<Unit> safe = List.of(
                new Unit("r", true, List.of("-- set NOT NULL on book.stock [1/3: CHECK NOT VALID]\n"
                        + "ALTER TABLE book ADD CONSTRAINT book_stock_not_null CHECK (stock IS NOT NULL) NOT VALID",
                        "ALTER TABLE book ADD CONSTRAINT fk_book_author FOREIGN KEY (stock) REFERENCES author(id) NOT VALID")),
                new Unit("r-2", false, List.of("DROP INDEX CONCURRENTLY IF EXISTS ix_book_price",
                        "CREATE INDEX CONCURRENTLY ix_book_price ON public.book USING btree (price)")),
                new Unit("r-3", false, List.of("DROP INDEX CONCURRENTLY IF EXISTS uk_book_isbn",
                        "CREATE UNIQUE INDEX CONCURRENTLY uk_book_isbn ON book USING btree (isbn)")),
                new Unit("r-4", true, List.of("ALTER TABLE book ADD CONSTRAINT uk_book_isbn UNIQUE USING INDEX uk_book_isbn",
                        "ALTER TABLE book ADD CONSTRAINT ck_book_price CHECK ((price >= (0)::numeric)) NOT VALID")),
                new Unit("r-5", true, List.of("ALTER TABLE book VALIDATE CONSTRAINT book_stock_not_null",
                        "ALTER TABLE book VALIDATE CONSTRAINT fk_book_author", "ALTER TABLE book VALIDATE CONSTRAINT ck_book_price")),
                new Unit("r-6", true, List.of("ALTER TABLE book ALTER COLUMN stock SET NOT NULL",
                        "ALTER TABLE book DROP CONSTRAINT book_stock_not_null")),
                new Unit("r-7", false, List.of("DROP INDEX CONCURRENTLY ix_book_title")));

        @Test
        void the_safe_forms_are_no_hazard() {
            HazardReport report = HazardAnalyser.startingFrom(catalog()).analyse(safe);
            assertEquals(List.of(), report.hazards());
        }

        @Test
        void the_plain_forms_of_the_same_changes_are_hazards() {
            List<Rule> rules = HazardAnalyser.startingFrom(catalog()).analyse(List.of(new Unit("r", true, List.of(
                    "ALTER TABLE book ALTER COLUMN stock SET NOT NULL",
                    "ALTER TABLE book ADD CONSTRAINT fk_book_author FOREIGN KEY (stock) REFERENCES author(id)",
                    "CREATE INDEX ix_book_price ON public.book USING btree (price)",
                    "ALTER TABLE book ADD CONSTRAINT uk_book_isbn UNIQUE (isbn)",
                    "ALTER TABLE book ADD CONSTRAINT ck_book_price CHECK ((price >= (0)::numeric))",
                    "DROP INDEX ix_book_title")))).hazards().stream().map(Hazard::rule).toList();
            assertEquals(List.of(Rule.SET_NOT_NULL, Rule.ADD_FOREIGN_KEY, Rule.CREATE_INDEX, Rule.ADD_UNIQUE, Rule.ADD_CHECK,
                    Rule.DROP_INDEX), rules);
        }

        @Test
        void a_validation_in_the_changeset_that_added_the_constraint_is_still_reported() {
            List<Rule> rules = HazardAnalyser.startingFrom(catalog()).analyse(List.of(new Unit("r", true, List.of(
                    "ALTER TABLE book ADD CONSTRAINT ck_book_price CHECK ((price >= (0)::numeric)) NOT VALID",
                    "ALTER TABLE book VALIDATE CONSTRAINT ck_book_price")))).hazards().stream().map(Hazard::rule).toList();
            assertEquals(List.of(Rule.VALIDATE_UNDER_LOCK), rules);
        }
    }
}
