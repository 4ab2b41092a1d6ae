package com.bookstore.domain.catalog;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.testing.ChangelogSchema;
import com.bookstore.db.core.testing.SqlProbe;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.registry.RegisteredEntity;
import com.bookstore.db.core.runtime.PersistenceRuntime;
import com.bookstore.db.core.settings.PoolSettings;
import com.bookstore.domain.catalog.model.Author;
import com.bookstore.domain.catalog.model.Book;
import com.bookstore.domain.catalog.model.Category;
import com.bookstore.domain.catalog.model.Publisher;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog mapping against a real PostgreSQL: round trips, jsonb, the category tree, locking and the schema. */
class CatalogPersistenceTest {

    /** This module's tables: the changelogs create the whole bookstore schema. */
    private static final String MODULE_TABLES = "'author', 'publisher', 'book', 'book_author', 'book_category', 'book_tag', 'category'";

    private static final AtomicLong ISBN_SEQUENCE = new AtomicLong(978_000_000_000L);

    private static ScratchDatabases databases;
    private static PersistenceRuntime persistence;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void startDatabase() {
        databases = ScratchDatabases.forTests();
        persistence = PersistenceRuntime.start(EntityRegistry.of(new CatalogEntities()),
                ChangelogSchema.apply(databases.create("catalog_test")), PoolSettings.DEFAULTS, Map.of());
        emf = persistence.entityManagerFactory();
    }


    @AfterAll
    static void stopDatabase() {
        try {
            if (persistence != null) {
                persistence.close();
            }
        } finally {
            if (databases != null) {
                databases.close();
            }
        }
    }

    @Test
    void book_with_authors_publisher_categories_tags_and_attributes_round_trips() {
        String isbn = nextIsbn();
        String description = "A long blurb. ".repeat(5_000);
        UUID bookId = fromTransaction(em -> {
            Publisher publisher = new Publisher("Addison-Wesley", "https://example.com/aw");
            Author first = new Author("Erich Gamma");
            Author second = new Author("Richard Helm");
            Category computing = new Category("computing-" + isbn, "Computing");
            em.persist(publisher);
            em.persist(first);
            em.persist(second);
            em.persist(computing);

            Book book = new Book(isbn, "Design Patterns", new BigDecimal("54.999"), "eur");
            book.describe(description);
            book.schedulePublication(LocalDate.of(1994, 10, 31));
            book.restock(12);
            book.publishWith(publisher);
            book.addAuthor(first);
            book.addAuthor(second);
            book.classifyUnder(computing);
            book.tag("Patterns");
            book.tag("  oop ");
            book.replaceAttributes("{\"pages\": 395, \"format\": \"hardcover\"}");
            em.persist(book);
            return book.getId();
        });

        inTransaction(em -> {
            Book book = em.find(Book.class, bookId);
            assertEquals(isbn, book.getIsbn());
            assertEquals("Design Patterns", book.getTitle());
            assertEquals(description, book.getDescription(), "text column keeps 70,000 characters");
            assertEquals(new BigDecimal("55.00"), book.getPrice());
            assertEquals("EUR", book.getCurrency());
            assertEquals(LocalDate.of(1994, 10, 31), book.getPublicationDate());
            assertEquals(12, book.getStock());
            assertEquals("Addison-Wesley", book.getPublisher().getName());
            assertEquals(Set.of("Erich Gamma", "Richard Helm"),
                    book.getAuthors().stream().map(Author::getFullName).collect(Collectors.toSet()));
            assertEquals(List.of("computing-" + isbn), book.getCategories().stream().map(Category::getSlug).toList());
            assertEquals(Set.of("patterns", "oop"), book.getTags());
            assertEquals(0L, book.getVersion());
        });
    }

    @Test
    void attributes_are_stored_as_jsonb_and_read_back_as_json_text() {
        String isbn = nextIsbn();
        UUID bookId = fromTransaction(em -> {
            Book book = new Book(isbn, "Dune", new BigDecimal("9.99"), "USD");
            book.replaceAttributes("{\"format\":\"paperback\",  \"pages\": 896, \"series\": {\"name\": \"Dune\", \"number\": 1}}");
            em.persist(book);
            return book.getId();
        });

        inTransaction(em -> {
            Book book = em.find(Book.class, bookId);
            // jsonb normalises whitespace and orders keys (shorter first)
            assertEquals("{\"pages\": 896, \"format\": \"paperback\", \"series\": {\"name\": \"Dune\", \"number\": 1}}",
                    book.getAttributes());
            Object seriesName = em.createNativeQuery("select attributes -> 'series' ->> 'name' from book where isbn = ?1")
                    .setParameter(1, isbn).getSingleResult();
            assertEquals("Dune", seriesName, "queryable with jsonb operators");
            book.replaceAttributes(null);
        });
        inTransaction(em -> assertNull(em.find(Book.class, bookId).getAttributes(), "null round trips"));

        PersistenceException failure = assertThrows(PersistenceException.class, () -> inTransaction(em -> {
            Book book = new Book(nextIsbn(), "Broken", BigDecimal.ONE, "USD");
            book.replaceAttributes("{not json");
            em.persist(book);
        }));
        assertTrue(String.valueOf(rootCause(failure).getMessage()).contains("invalid input syntax for type json"),
                () -> "PostgreSQL validates the JSON: " + rootCause(failure));
    }

    @Test
    void tags_element_collection_is_added_to_and_removed_from() {
        String isbn = nextIsbn();
        UUID bookId = fromTransaction(em -> {
            Book book = new Book(isbn, "Refactoring", new BigDecimal("39.90"), "EUR");
            book.tag("refactoring");
            book.tag("java");
            em.persist(book);
            return book.getId();
        });
        inTransaction(em -> {
            Book book = em.find(Book.class, bookId);
            book.untag("JAVA");
            book.tag("Code Smells");
        });
        inTransaction(em -> assertEquals(Set.of("refactoring", "code smells"), em.find(Book.class, bookId).getTags()));
        assertEquals(List.of("code smells", "refactoring"), query(
                "select t.tag from book_tag t join book b on b.id = t.book_id where b.isbn = '" + isbn + "' order by 1"));

        List<String> tagged = fromTransaction(em -> em.createQuery(
                "select b.isbn from Book b join b.tags t where t = :tag", String.class)
                .setParameter("tag", "code smells").getResultList());
        assertEquals(List.of(isbn), tagged);
    }

    @Test
    void category_tree_is_navigable_both_ways() {
        Long scienceFictionId = fromTransaction(em -> {
            Category fiction = new Category("fiction", "Fiction");
            Category scienceFiction = fiction.addChild("science-fiction", "Science fiction");
            Category fantasy = fiction.addChild("fantasy", "Fantasy");
            Category cyberpunk = scienceFiction.addChild("cyberpunk", "Cyberpunk");
            em.persist(fiction);
            em.persist(scienceFiction);
            em.persist(fantasy);
            em.persist(cyberpunk);
            return scienceFiction.getId();
        });

        inTransaction(em -> {
            Category scienceFiction = em.find(Category.class, scienceFictionId);
            assertFalse(scienceFiction.isRoot());
            Category fiction = scienceFiction.getParent();
            assertEquals("fiction", fiction.getSlug());
            assertTrue(fiction.isRoot());
            assertEquals(List.of("fantasy", "science-fiction"),
                    fiction.getChildren().stream().map(Category::getSlug).toList(), "children ordered by name");
            Category cyberpunk = scienceFiction.getChildren().get(0);
            assertEquals(List.of("fiction", "science-fiction", "cyberpunk"), cyberpunk.path());
            assertThrows(IllegalArgumentException.class, () -> fiction.moveTo(cyberpunk));

            cyberpunk.moveTo(fiction);
        });

        inTransaction(em -> {
            Category cyberpunk = em.createQuery("select c from Category c where c.slug = 'cyberpunk'", Category.class)
                    .getSingleResult();
            assertEquals(List.of("fiction", "cyberpunk"), cyberpunk.path());
            List<String> roots = em.createQuery("select c.slug from Category c where c.parent is null and c.slug = 'fiction'",
                    String.class).getResultList();
            assertEquals(List.of("fiction"), roots);
        });
    }

    @Test
    void concurrent_stock_updates_fail_with_an_optimistic_lock_exception() {
        UUID bookId = fromTransaction(em -> {
            Book book = new Book(nextIsbn(), "The Pragmatic Programmer", new BigDecimal("42.00"), "EUR");
            book.restock(3);
            em.persist(book);
            return book.getId();
        });

        EntityManager first = emf.createEntityManager();
        EntityManager second = emf.createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            Book seenByFirst = first.find(Book.class, bookId);
            Book seenBySecond = second.find(Book.class, bookId);
            seenByFirst.withdrawStock(2);
            seenBySecond.withdrawStock(2);
            first.getTransaction().commit();

            PersistenceException failure = assertThrows(PersistenceException.class,
                    () -> second.getTransaction().commit());
            assertNotNull(causeOfType(failure, OptimisticLockException.class),
                    () -> "expected an OptimisticLockException in the causes of " + failure);
        } finally {
            first.close();
            second.close();
        }
        inTransaction(em -> {
            Book book = em.find(Book.class, bookId);
            assertEquals(1, book.getStock(), "the second withdrawal did not oversell");
            assertEquals(1L, book.getVersion());
        });
    }

    @Test
    void duplicate_isbn_and_negative_stock_are_rejected_by_named_constraints() {
        String isbn = nextIsbn();
        inTransaction(em -> em.persist(new Book(isbn, "First", BigDecimal.TEN, "EUR")));

        PersistenceException duplicate = assertThrows(PersistenceException.class,
                () -> inTransaction(em -> em.persist(new Book(isbn, "Second", BigDecimal.TEN, "EUR"))));
        assertEquals("uk_book_isbn", constraintName(duplicate));

        PersistenceException negative = assertThrows(PersistenceException.class, () -> inTransaction(em ->
                em.createNativeQuery("update book set stock = -1 where isbn = ?1").setParameter(1, isbn).executeUpdate()));
        assertEquals("ck_book_stock", constraintName(negative));
    }

    @Test
    void discover_finds_exactly_the_catalog_contributor() {
        EntityRegistry registry = EntityRegistry.discover();
        assertEquals(List.of("catalog"), registry.moduleNames());
        assertEquals(new CatalogEntities().entityClasses(), registry.entityClasses());
        assertTrue(registry.entities().stream().allMatch(e -> e.contributorClass() == CatalogEntities.class));
        assertEquals(List.of("author", "publisher", "category", "book"),
                registry.entities().stream().map(RegisteredEntity::tableName).toList());
    }

    @Test
    void schema_has_the_mapped_types_and_constraint_names() {
        assertEquals(List.of("numeric 12 2 NO"), column("book", "price",
                "data_type || ' ' || numeric_precision || ' ' || numeric_scale || ' ' || is_nullable"));
        assertEquals(List.of("character varying 3"), column("book", "currency",
                "data_type || ' ' || character_maximum_length"));
        assertEquals(List.of("character varying 13"), column("book", "isbn",
                "data_type || ' ' || character_maximum_length"));
        assertEquals(List.of("text"), column("book", "description", "data_type"));
        assertEquals(List.of("text"), column("author", "biography", "data_type"));
        assertEquals(List.of("jsonb"), column("book", "attributes", "data_type"));
        assertEquals(List.of("date"), column("book", "publication_date", "data_type"));
        assertEquals(List.of("uuid"), column("book", "id", "data_type"));
        assertEquals(List.of("d"), query("select attidentity::text from pg_attribute "
                + "where attrelid = 'publisher'::regclass and attname = 'id'"), "generated by default as identity");
        assertEquals(List.of("author_id_seq 1", "category_seq 50", "publisher_id_seq 1"),
                query("select sequencename || ' ' || increment_by from pg_sequences "
                        + "where sequencename in ('author_id_seq', 'category_seq', 'publisher_id_seq') order by 1"));

        assertEquals(List.of(
                        "ck_book_price c", "ck_book_stock c",
                        "fk_book_author_author_id f", "fk_book_author_book_id f",
                        "fk_book_category_book_id f", "fk_book_category_category_id f",
                        "fk_book_publisher_id f", "fk_book_tag_book_id f", "fk_category_parent_id f",
                        "uk_book_isbn u", "uk_category_slug u", "uk_publisher_name u"),
                query("select conname || ' ' || contype::text from pg_constraint c "
                        + "join pg_namespace n on n.oid = c.connamespace "
                        + "where n.nspname = 'public' and contype in ('c', 'f', 'u') and c.conrelid::regclass::text in (" + MODULE_TABLES + ") order by conname"));
        assertEquals(List.of("ix_author_full_name", "ix_book_author_author_id", "ix_book_category_category_id",
                        "ix_book_publication_date", "ix_book_publisher_id", "ix_book_tag_tag", "ix_book_title",
                        "ix_category_parent_id"),
                query("select indexname from pg_indexes where schemaname = 'public' and indexname like 'ix\\_%' and tablename in (" + MODULE_TABLES + ") "
                        + "order by indexname"));
        assertEquals(List.of("book_author_pkey PRIMARY KEY (book_id, author_id)",
                        "book_category_pkey PRIMARY KEY (book_id, category_id)",
                        "book_tag_pkey PRIMARY KEY (book_id, tag)"),
                query("select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint "
                        + "where conname like 'book\\_%\\_pkey' order by conname"),
                "join and collection tables: owner column first; a Set gets a key over owner and value");
    }

    /** A valid ISBN-13 not used by another test. */
    private static String nextIsbn() {
        String twelve = Long.toString(ISBN_SEQUENCE.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }

    private static void inTransaction(Consumer<EntityManager> work) {
        persistence.runInTransaction(work);
    }

    private static <T> T fromTransaction(Function<EntityManager, T> work) {
        return persistence.inTransaction(work);
    }

    private static List<String> column(String table, String column, String expression) {
        return query("select " + expression + " from information_schema.columns where table_schema = 'public' "
                + "and table_name = '" + table + "' and column_name = '" + column + "'");
    }

    private static List<String> query(String sql) {
        return SqlProbe.strings(persistence.dataSource(), sql);
    }

    private static String constraintName(Throwable failure) {
        ConstraintViolationException violation = causeOfType(failure, ConstraintViolationException.class);
        assertNotNull(violation, () -> "expected a constraint violation in the causes of " + failure);
        return violation.getConstraintName();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
