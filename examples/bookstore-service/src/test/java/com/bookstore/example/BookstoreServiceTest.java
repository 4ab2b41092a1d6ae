package com.bookstore.example;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.domain.auth.model.UserAccount;
import com.bookstore.domain.catalog.model.Book;
import com.bookstore.domain.orders.model.CustomerOrder;
import com.bookstore.domain.orders.model.OrderItem;
import com.bookstore.domain.orders.model.OrderStatus;
import com.bookstore.domain.orders.model.ShippingAddress;
import com.bookstore.example.books.BookRepository;
import com.bookstore.example.orders.CustomerOrderRepository;
import com.bookstore.example.users.UserAccountRepository;
import com.bookstore.spring.autoconfigure.StartupMigration;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example service started on an empty PostgreSQL database (embedded unless {@code DATABASE_URL} names a server):
 * it migrates the database from the db-migrations jar at start-up, Hibernate validates the entities against that
 * schema, the repositories round-trip an order across the three domains, and the HTTP endpoints answer.
 */
class BookstoreServiceTest {

    private static final AtomicLong ISBN_SEQUENCE = new AtomicLong(979_100_000_000L);

    private static ScratchDatabases databases;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startService() {
        databases = ScratchDatabases.forTests();
        DatabaseSettings database = databases.create("bookstore_service");
        service = ServiceUnderTest.start(database, WebApplicationType.SERVLET);
    }

    @AfterAll
    static void stopService() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (databases != null) {
                databases.close();
            }
        }
    }

    @Test
    void the_schema_is_the_db_migrations_jar_applied_at_start_up_before_jpa() {
        List<String> revisions = ServiceUnderTest.revisionsInTheMigrationsJar();
        List<String> recorded = jdbc().queryForList(
                "select id from databasechangelog order by orderexecuted", String.class);
        assertEquals(revisions, recorded.stream().sorted().toList(), "every revision of the jar, once");
        assertEquals(recorded, service.getBean(StartupMigration.class).appliedChangeSets(),
                "this instance applied them at start-up");
        List<String> files = jdbc().queryForList("select distinct filename from databasechangelog", String.class);
        assertTrue(files.stream().allMatch(f -> f.startsWith("db/changelog/changes/")), files.toString());

        List<String> tables = jdbc().queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_name in ('book', 'user_account', 'customer_order', "
                + "'order_item') order by table_name", String.class);
        assertEquals(List.of("book", "customer_order", "order_item", "user_account"), tables);

        String[] emfDependsOn = service.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn();
        assertTrue(emfDependsOn != null && Arrays.asList(emfDependsOn).contains("bookstoreStartupMigration"),
                "the EntityManagerFactory waits for the migration: " + Arrays.toString(emfDependsOn));
        String[] jdbcDependsOn = service.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn();
        assertTrue(jdbcDependsOn != null && Arrays.asList(jdbcDependsOn).contains("bookstoreStartupMigration"),
                "so does every other database user Boot knows: " + Arrays.toString(jdbcDependsOn));
    }

    @Test
    void hibernate_validated_the_entities_against_the_migrated_schema_and_changes_nothing() {
        assertEquals("validate", service.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto"));
        var properties = service.getBean(EntityManagerFactory.class).getProperties();
        assertEquals("validate", properties.get("hibernate.hbm2ddl.auto"));
        assertEquals("validate", properties.get("jakarta.persistence.schema-generation.database.action"),
                "Hibernate reads this setting before hbm2ddl.auto");
        assertEquals("com.bookstore.db.core.mapping.SnakeCasePhysicalNamingStrategy",
                String.valueOf(properties.get("hibernate.physical_naming_strategy")));
        assertTrue(service.getBean(EntityManagerFactory.class).getMetamodel().getEntities().stream()
                .anyMatch(e -> e.getJavaType() == CustomerOrder.class), "the registry's entities are managed");
    }

    @Test
    void an_order_with_items_of_books_by_a_user_round_trips_through_the_repositories() {
        Fixture fixture = newOrder();

        inTransaction(() -> {
            CustomerOrder order = orders().findWithItemsById(fixture.orderId()).orElseThrow();
            assertEquals(fixture.userId(), order.getUser().getId());
            assertEquals(OrderStatus.PENDING_PAYMENT, order.getStatus());
            assertEquals(2, order.getItems().size());
            OrderItem first = order.getItems().stream()
                    .filter(i -> i.getBook().getId().equals(fixture.firstBookId())).findFirst().orElseThrow();
            assertEquals(2, first.getQuantity());
            assertEquals(new BigDecimal("37.50"), first.getUnitPrice());
            assertEquals("Clean Code", first.getBookTitle());
            assertEquals(new BigDecimal("120.20"), order.getSubtotal());
            assertEquals(new BigDecimal("124.10"), order.getTotal());
            assertEquals(List.of(order), orders().findByUserIdOrderByPlacedAtDesc(fixture.userId()));
            assertEquals(fixture.userId(),
                    users().findByEmail(UserAccount.normalizeEmail(fixture.email())).orElseThrow().getId());
            order.markPaid();
        });
        inTransaction(() -> {
            CustomerOrder order = orders().findById(fixture.orderId()).orElseThrow();
            assertEquals(OrderStatus.PAID, order.getStatus());
            assertEquals(1L, order.getVersion());
        });
    }

    @Test
    void the_http_endpoints_answer_from_the_database() throws Exception {
        Fixture fixture = newOrder();
        HttpResponse<String> order = get("/orders/" + fixture.orderId());
        assertEquals(200, order.statusCode(), order.body());
        assertTrue(order.body().contains("\"customerEmail\":\"" + UserAccount.normalizeEmail(fixture.email()) + "\""),
                order.body());
        assertTrue(order.body().contains("\"title\":\"Clean Code\",\"quantity\":2,\"unitPrice\":37.50"), order.body());
        assertTrue(order.body().contains("\"total\":124.10"), order.body());

        HttpResponse<String> book = get("/books/" + fixture.firstIsbn());
        assertEquals(200, book.statusCode(), book.body());
        assertTrue(book.body().contains("\"title\":\"Clean Code\""), book.body());
        assertTrue(get("/books").body().contains("\"isbn\":\"" + fixture.firstIsbn() + "\""));

        assertEquals(404, get("/orders/" + UUID.randomUUID()).statusCode());
        assertEquals(404, get("/books/0000000000000").statusCode());
    }

    private record Fixture(UUID orderId, UUID userId, String email, UUID firstBookId, String firstIsbn) {
    }

    /** A user, two books and an order of three copies, saved through the repositories. */
    private static Fixture newOrder() {
        return fromTransaction(() -> {
            String email = "Reader." + UUID.randomUUID() + "@Example.com";
            UserAccount user = new UserAccount(email, "Reader", "argon2-hash");
            user.activate();
            users().save(user);
            Book cleanCode = newBook("Clean Code", "37.50");
            Book legacy = newBook("Working Effectively with Legacy Code", "45.20");
            CustomerOrder order = new CustomerOrder(user,
                    new ShippingAddress("Ada Lovelace", "12 St James's Square", null, "London", "SW1Y 4JH", "GB"),
                    "EUR", Instant.parse("2026-11-25T09:30:00Z"));
            order.addItem(cleanCode, 2);
            order.addItem(legacy, 1);
            order.chargeShipping(new BigDecimal("3.90"));
            orders().save(order);
            return new Fixture(order.getId(), user.getId(), email, cleanCode.getId(), cleanCode.getIsbn());
        });
    }

    private static Book newBook(String title, String price) {
        Book book = new Book(nextIsbn(), title, new BigDecimal(price), "EUR");
        book.restock(10);
        return service.getBean(BookRepository.class).save(book);
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

    private static HttpResponse<String> get(String path) throws Exception {
        String port = service.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CustomerOrderRepository orders() {
        return service.getBean(CustomerOrderRepository.class);
    }

    private static UserAccountRepository users() {
        return service.getBean(UserAccountRepository.class);
    }

    private static JdbcTemplate jdbc() {
        return service.getBean(JdbcTemplate.class);
    }

    private static void inTransaction(Runnable work) {
        service.getBean(TransactionTemplate.class).executeWithoutResult(status -> work.run());
    }

    private static <T> T fromTransaction(java.util.function.Supplier<T> work) {
        return service.getBean(TransactionTemplate.class).execute(status -> work.get());
    }
}
