package com.bookstore.db.core.mapping;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.mapping.fixtures.BookEdition;
import com.bookstore.db.core.mapping.fixtures.BookFormat;
import com.bookstore.db.core.mapping.fixtures.MappingFixtures;
import com.bookstore.db.core.mapping.fixtures.Publisher;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.PersistenceRuntime;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.PoolSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema that {@link SchemaMapping} makes Hibernate 6.6 create on a real PostgreSQL, read back from the catalog:
 * snake_case names and the {@code fk_/uk_/ix_<table>_<columns>} convention instead of Hibernate's hashed names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaMappingPostgresTest {

    /** Hibernate's generated names ({@code FKbjqhp85wjv8vpr0beygh6jsgo}, {@code UK...}, {@code IDX...}). */
    private static final Pattern HIBERNATE_HASH_NAME = Pattern.compile("^(fk|uk|idx)[a-z0-9]{20,}$", Pattern.CASE_INSENSITIVE);

    private final EntityRegistry registry = EntityRegistry.of(new MappingFixtures());

    private ScratchDatabases databases;
    private DatabaseSettings database;
    private PersistenceRuntime runtime;

    @BeforeAll
    void exportSchema() {
        databases = ScratchDatabases.forTests();
        database = databases.create("schema_mapping");
        runtime = PersistenceRuntime.start(registry, database,
                new PoolSettings(2, 0, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5)), Map.of());
        runtime.entityManagerFactory().unwrap(SessionFactory.class).getSchemaManager().exportMappedObjects(true);
    }

    @AfterAll
    void stop() {
        try {
            if (runtime != null) {
                runtime.close();
            }
        } finally {
            databases.close();
        }
    }

    @Test
    void tables_and_columns_are_snake_case() throws SQLException {
        assertEquals(Set.of("author", "book_edition", "publisher", "warehouse_inventory_reservation_adjustment_entry"),
                strings("select table_name from information_schema.tables where table_schema = 'public'"));
        assertEquals(Set.of("id", "isbn13", "title_text", "published_on", "publisher_id", "book_format"),
                strings("select column_name from information_schema.columns"
                        + " where table_schema = 'public' and table_name = 'book_edition'"));
        assertEquals(Set.of("id", "display_name"),
                strings("select column_name from information_schema.columns"
                        + " where table_schema = 'public' and table_name = 'publisher'"));
        assertEquals(Set.of("id", "pen_name", "first_name", "last_name", "email_address", "exclusive_publisher_id"),
                strings("select column_name from information_schema.columns"
                        + " where table_schema = 'public' and table_name = 'author'"));
    }

    @Test
    void foreign_keys_without_a_name_are_fk_table_column() throws SQLException {
        assertEquals(Map.of("fk_book_edition_publisher_id", "book_edition(publisher_id) -> publisher(id)",
                        "fk_author_exclusive_publisher_id", "author(exclusive_publisher_id) -> publisher(id)",
                        // over 63 characters: 54 of them, '_' and 8 hex digits of its SHA-256
                        "fk_warehouse_inventory_reservation_adjustment_entry_re_94339223",
                        "warehouse_inventory_reservation_adjustment_entry(reserved_book_edition_for_promotion_id) -> book_edition(id)"),
                rows("""
                        select c.conname,
                               c.conrelid::regclass || '(' || a.attname || ') -> ' || c.confrelid::regclass || '(' || r.attname || ')'
                          from pg_constraint c
                          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                          join pg_attribute r on r.attrelid = c.confrelid and r.attnum = c.confkey[1]
                         where c.contype = 'f' and c.connamespace = 'public'::regnamespace
                        """));
    }

    @Test
    void unique_constraints_are_uk_table_columns_unless_named_explicitly() throws SQLException {
        assertEquals(Map.of(
                        "uk_book_edition_isbn13", "book_edition: UNIQUE (isbn13)",
                        "uk_book_edition_publisher_id_title_text", "book_edition: UNIQUE (publisher_id, title_text)",
                        "publisher_display_name_unique", "publisher: UNIQUE (display_name)",
                        // natural id, @OneToOne, unique @Index without a name
                        "uk_author_pen_name", "author: UNIQUE (pen_name)",
                        "uk_author_exclusive_publisher_id", "author: UNIQUE (exclusive_publisher_id)",
                        "uk_author_last_name_first_name", "author: UNIQUE (last_name, first_name)",
                        // @Column(unique = true) covered by an explicitly named constraint: that one only
                        "author_email_unique", "author: UNIQUE (email_address)",
                        "uk_warehouse_inventory_reservation_adjustment_entry_ex_1e84824d",
                        "warehouse_inventory_reservation_adjustment_entry: UNIQUE (external_reference_code)"),
                rows("""
                        select conname, conrelid::regclass || ': ' || pg_get_constraintdef(oid)
                          from pg_constraint
                         where contype = 'u' and connamespace = 'public'::regnamespace
                        """));
    }

    @Test
    void index_without_a_name_is_ix_table_column() throws SQLException {
        assertEquals(Map.of("ix_book_edition_published_on",
                        "CREATE INDEX ix_book_edition_published_on ON public.book_edition USING btree (published_on)"),
                rows("""
                        select i.indexname, i.indexdef
                          from pg_indexes i
                         where i.schemaname = 'public'
                           and not exists (select 1 from pg_constraint c
                                            where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
                                              and c.contype in ('p', 'u'))
                        """));
    }

    @Test
    void primary_keys_and_enum_checks_carry_postgresql_names() throws SQLException {
        Map<String, String> constraints = rows("""
                select conname, contype::text from pg_constraint
                 where contype in ('p', 'c') and connamespace = 'public'::regnamespace
                """);
        assertEquals(Map.of("author_pkey", "p", "book_edition_pkey", "p", "publisher_pkey", "p",
                        "warehouse_inventory_reservation_adjustment_entry_pkey", "p", "book_edition_book_format_check", "c"),
                constraints);
        String check = strings("select pg_get_constraintdef(oid) from pg_constraint where conname = 'book_edition_book_format_check'")
                .iterator().next();
        for (BookFormat format : BookFormat.values()) {
            assertTrue(check.contains("'" + format.name() + "'"), check);
        }
    }

    @Test
    void no_object_has_a_hibernate_hash_name() throws SQLException {
        Set<String> names = new TreeSet<>();
        names.addAll(strings("select conname from pg_constraint where connamespace = 'public'::regnamespace"));
        names.addAll(strings("select indexname from pg_indexes where schemaname = 'public'"));
        assertFalse(names.isEmpty());
        for (String name : names) {
            assertFalse(HIBERNATE_HASH_NAME.matcher(name).matches(), "Hibernate-generated name in the schema: " + name);
            assertTrue(name.length() <= SnakeCaseNames.MAX_IDENTIFIER_LENGTH, name);
        }
    }

    @Test
    void the_offline_model_names_constraints_as_the_database_does() throws SQLException {
        Set<String> modelNames = new TreeSet<>();
        try (SchemaMapping.OfflineModel model = SchemaMapping.offlineModel(registry)) {
            for (Table table : model.metadata().collectTableMappings()) {
                table.getForeignKeys().values().stream().map(ForeignKey::getName).forEach(modelNames::add);
                table.getUniqueKeys().values().stream().map(UniqueKey::getName).forEach(modelNames::add);
                table.getIndexes().values().stream().map(Index::getName).forEach(modelNames::add);
            }
        }
        Set<String> databaseNames = new TreeSet<>();
        databaseNames.addAll(strings("select conname from pg_constraint where contype in ('f', 'u')"
                + " and connamespace = 'public'::regnamespace"));
        // a unique constraint's index has the constraint's name; primary keys are PostgreSQL's <table>_pkey
        databaseNames.addAll(strings("select indexname from pg_indexes where schemaname = 'public'"
                + " and indexname not like '%\\_pkey'"));
        assertEquals(databaseNames, modelNames,
                "liquibase-hibernate reads these names from the model; they must match the exported schema");
    }

    @Test
    void the_mapping_round_trips_and_a_duplicate_isbn_violates_the_conventional_unique_constraint() {
        var emf = runtime.entityManagerFactory();
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Publisher publisher = new Publisher(1L, "Acme Books");
            em.persist(publisher);
            em.persist(new BookEdition(10L, "9780000000001", "First", LocalDate.of(2024, 1, 2), publisher, BookFormat.PAPERBACK));
            em.getTransaction().commit();
        } finally {
            em.close();
        }

        em = emf.createEntityManager();
        try {
            BookEdition read = em.find(BookEdition.class, 10L);
            assertNotNull(read);
            assertEquals("9780000000001", read.getIsbn13());
            assertEquals(BookFormat.PAPERBACK, read.getBookFormat());
            assertEquals(LocalDate.of(2024, 1, 2), read.getPublishedOn());
            assertEquals("Acme Books", read.getPublisher().getDisplayName());
        } finally {
            em.close();
        }

        EntityManager duplicate = emf.createEntityManager();
        try {
            duplicate.getTransaction().begin();
            Publisher publisher = duplicate.find(Publisher.class, 1L);
            duplicate.persist(new BookEdition(11L, "9780000000001", "Second", null, publisher, BookFormat.EBOOK));
            PersistenceException e = assertThrows(PersistenceException.class, duplicate::flush);
            Throwable cause = e;
            while (cause != null && !(cause instanceof ConstraintViolationException)) {
                cause = cause.getCause();
            }
            ConstraintViolationException violation = assertInstanceOf(ConstraintViolationException.class, cause, e.toString());
            assertEquals("uk_book_edition_isbn13", violation.getConstraintName());
        } finally {
            if (duplicate.getTransaction().isActive()) {
                duplicate.getTransaction().rollback();
            }
            duplicate.close();
        }
    }

    private Set<String> strings(String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Connection c = runtime.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private Map<String, String> rows(String sql) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        try (Connection c = runtime.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }
}
