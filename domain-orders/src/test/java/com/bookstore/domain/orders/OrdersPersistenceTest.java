package com.bookstore.domain.orders;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.testing.ChangelogSchema;
import com.bookstore.db.core.testing.SqlProbe;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.registry.RegisteredEntity;
import com.bookstore.db.core.runtime.PersistenceRuntime;
import com.bookstore.db.core.settings.PoolSettings;
import com.bookstore.domain.auth.AuthEntities;
import com.bookstore.domain.auth.model.UserAccount;
import com.bookstore.domain.catalog.CatalogEntities;
import com.bookstore.domain.catalog.model.Book;
import com.bookstore.domain.orders.model.Cart;
import com.bookstore.domain.orders.model.CartItem;
import com.bookstore.domain.orders.model.CustomerOrder;
import com.bookstore.domain.orders.model.OrderItem;
import com.bookstore.domain.orders.model.OrderStatus;
import com.bookstore.domain.orders.model.PreOrder;
import com.bookstore.domain.orders.model.PreOrderStatus;
import com.bookstore.domain.orders.model.ShippingAddress;
import com.bookstore.domain.orders.model.WishlistItem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The orders mapping against a real PostgreSQL, together with the auth and catalog entities it references: round trips
 * across the three domains, constraints, locking and the schema of the whole model.
 */
class OrdersPersistenceTest {

    private static final AtomicLong ISBN_SEQUENCE = new AtomicLong(979_000_000_000L);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static ScratchDatabases databases;
    private static PersistenceRuntime persistence;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void startDatabase() {
        databases = ScratchDatabases.forTests();
        persistence = PersistenceRuntime.start(
                EntityRegistry.of(new AuthEntities(), new CatalogEntities(), new OrdersEntities()),
                ChangelogSchema.apply(databases.create("orders_test")), PoolSettings.DEFAULTS, Map.of());
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
    void an_order_of_books_by_a_user_round_trips_with_items_totals_and_shipping_address() {
        UUID userId = newUser();
        UUID firstBookId = newBook("Clean Code", "37.50", null);
        UUID secondBookId = newBook("Working Effectively with Legacy Code", "45.20", null);
        Instant placedAt = Instant.parse("2026-11-25T09:30:15.123456Z");
        ShippingAddress address = new ShippingAddress("Ada Lovelace", "12 St James's Square", null, "London",
                "SW1Y 4JH", "gb");

        UUID orderId = fromTransaction(em -> {
            CustomerOrder order = new CustomerOrder(em.getReference(UserAccount.class, userId), address, "EUR",
                    placedAt);
            order.addItem(em.find(Book.class, firstBookId), 2);
            order.addItem(em.find(Book.class, secondBookId), 1);
            order.addItem(em.find(Book.class, firstBookId), 1);
            order.chargeShipping(new BigDecimal("4.9"));
            em.persist(order);
            return order.getId();
        });
        inTransaction(em -> em.find(Book.class, firstBookId).reprice(new BigDecimal("99.00"), "EUR"));

        inTransaction(em -> {
            CustomerOrder order = em.find(CustomerOrder.class, orderId);
            assertEquals(userId, order.getUser().getId());
            assertEquals(OrderStatus.PENDING_PAYMENT, order.getStatus());
            assertEquals(placedAt, order.getPlacedAt());
            assertEquals(address, order.getShippingAddress());
            assertEquals("GB", order.getShippingAddress().getCountry());
            assertEquals(null, order.getShippingAddress().getLine2());
            assertEquals(new BigDecimal("157.70"), order.getSubtotal());
            assertEquals(new BigDecimal("4.90"), order.getShippingFee());
            assertEquals(new BigDecimal("162.60"), order.getTotal());
            assertEquals("EUR", order.getCurrency());

            List<OrderItem> items = order.getItems();
            assertEquals(2, items.size(), "a book ordered twice is one line");
            OrderItem first = items.stream().filter(i -> i.getBook().getId().equals(firstBookId)).findFirst().orElseThrow();
            assertEquals(3, first.getQuantity());
            assertEquals(new BigDecimal("37.50"), first.getUnitPrice(), "the price snapshot survives a repricing");
            assertEquals(new BigDecimal("99.00"), first.getBook().getPrice());
            assertEquals("Clean Code", first.getBookTitle());

            order.markPaid();
        });

        inTransaction(em -> {
            CustomerOrder order = em.find(CustomerOrder.class, orderId);
            assertEquals(OrderStatus.PAID, order.getStatus());
            assertEquals(1L, order.getVersion());
            List<CustomerOrder> ofUser = em.createQuery(
                    "select o from CustomerOrder o where o.user.id = :user order by o.placedAt desc", CustomerOrder.class)
                    .setParameter("user", userId).getResultList();
            assertEquals(List.of(order), ofUser);
        });
    }

    @Test
    void removing_an_order_removes_its_items_by_cascade() {
        UUID userId = newUser();
        UUID bookId = newBook("Domain-Driven Design", "60.00", null);
        UUID orderId = fromTransaction(em -> {
            CustomerOrder order = new CustomerOrder(em.getReference(UserAccount.class, userId),
                    new ShippingAddress("Eric", "1 Main St", "Apt 2", "Boston", "02101", "US"), "EUR", Instant.now());
            order.addItem(em.find(Book.class, bookId), 1);
            em.persist(order);
            return order.getId();
        });
        inTransaction(em -> em.remove(em.find(CustomerOrder.class, orderId)));
        assertEquals(List.of("0"), query("select count(*) from order_item where order_id = '" + orderId + "'"));
    }

    @Test
    void cart_keeps_one_line_per_book_and_removes_orphans() {
        UUID userId = newUser();
        UUID first = newBook("Accelerate", "25.00", null);
        UUID second = newBook("Team Topologies", "30.00", null);
        Long cartId = fromTransaction(em -> {
            Cart cart = new Cart(em.getReference(UserAccount.class, userId));
            cart.add(em.find(Book.class, first), 1);
            cart.add(em.find(Book.class, second), 1);
            cart.add(em.find(Book.class, first), 2);
            em.persist(cart);
            return cart.getId();
        });

        inTransaction(em -> {
            Cart cart = em.find(Cart.class, cartId);
            assertEquals(4, cart.totalQuantity());
            assertEquals(List.of(3, 1), cart.getItems().stream().map(CartItem::getQuantity).toList());
            assertEquals(userId, cart.getUser().getId());
            cart.remove(em.find(Book.class, second));
        });
        assertEquals(List.of("1"), query("select count(*) from cart_item where cart_id = " + cartId));

        PersistenceException duplicateLine = assertThrows(PersistenceException.class, () -> inTransaction(em ->
                em.createNativeQuery("insert into cart_item (cart_id, book_id, quantity, added_at) "
                        + "values (?1, ?2, 1, now())").setParameter(1, cartId).setParameter(2, first).executeUpdate()));
        assertEquals("uk_cart_item_cart_id_book_id", constraintName(duplicateLine));

        PersistenceException secondCart = assertThrows(PersistenceException.class, () -> inTransaction(em ->
                em.persist(new Cart(em.getReference(UserAccount.class, userId)))));
        assertEquals("uk_cart_user_id", constraintName(secondCart));
    }

    @Test
    void a_book_is_on_a_wishlist_once() {
        UUID userId = newUser();
        UUID bookId = newBook("Thinking in Systems", "19.99", null);
        inTransaction(em -> em.persist(new WishlistItem(em.getReference(UserAccount.class, userId),
                em.getReference(Book.class, bookId))));

        PersistenceException failure = assertThrows(PersistenceException.class, () -> inTransaction(em ->
                em.persist(new WishlistItem(em.getReference(UserAccount.class, userId),
                        em.getReference(Book.class, bookId)))));
        assertEquals("uk_wishlist_item_user_id_book_id", constraintName(failure));

        List<String> titles = fromTransaction(em -> em.createQuery(
                "select w.book.title from WishlistItem w where w.user.id = :user", String.class)
                .setParameter("user", userId).getResultList());
        assertEquals(List.of("Thinking in Systems"), titles);
    }

    @Test
    void pre_orders_reserve_unreleased_books_only() {
        UUID userId = newUser();
        UUID unreleased = newBook("Winds of Winter", "30.00", TODAY.plusYears(1));
        UUID released = newBook("A Game of Thrones", "12.00", TODAY.minusYears(30));

        Long preOrderId = fromTransaction(em -> {
            PreOrder preOrder = new PreOrder(em.getReference(UserAccount.class, userId), em.find(Book.class, unreleased),
                    2, TODAY);
            em.persist(preOrder);
            return preOrder.getId();
        });
        inTransaction(em -> assertThrows(IllegalArgumentException.class, () ->
                new PreOrder(em.getReference(UserAccount.class, userId), em.find(Book.class, released), 1, TODAY)));

        inTransaction(em -> {
            PreOrder preOrder = em.find(PreOrder.class, preOrderId);
            assertEquals(PreOrderStatus.RESERVED, preOrder.getStatus());
            assertEquals(2, preOrder.getQuantity());
            assertEquals(unreleased, preOrder.getBook().getId());
            assertNotNull(preOrder.getCreatedAt());
            List<PreOrder> toFulfil = em.createQuery(
                    "select p from PreOrder p where p.book.id = :book and p.status = :status", PreOrder.class)
                    .setParameter("book", unreleased).setParameter("status", PreOrderStatus.RESERVED).getResultList();
            assertEquals(List.of(preOrder), toFulfil);
            preOrder.fulfil();
        });
        inTransaction(em -> assertEquals(PreOrderStatus.FULFILLED, em.find(PreOrder.class, preOrderId).getStatus()));
    }

    @Test
    void paying_and_cancelling_the_same_order_concurrently_fails_with_an_optimistic_lock_exception() {
        UUID userId = newUser();
        UUID bookId = newBook("Release It!", "41.00", null);
        UUID orderId = fromTransaction(em -> {
            CustomerOrder order = new CustomerOrder(em.getReference(UserAccount.class, userId),
                    new ShippingAddress("Michael", "1 Main St", null, "Chicago", "60601", "US"), "EUR", Instant.now());
            order.addItem(em.find(Book.class, bookId), 1);
            em.persist(order);
            return order.getId();
        });

        EntityManager payment = emf.createEntityManager();
        EntityManager customer = emf.createEntityManager();
        try {
            payment.getTransaction().begin();
            customer.getTransaction().begin();
            CustomerOrder seenByPayment = payment.find(CustomerOrder.class, orderId);
            CustomerOrder seenByCustomer = customer.find(CustomerOrder.class, orderId);
            seenByPayment.markPaid();
            seenByCustomer.cancel();
            payment.getTransaction().commit();

            PersistenceException failure = assertThrows(PersistenceException.class,
                    () -> customer.getTransaction().commit());
            assertNotNull(causeOfType(failure, OptimisticLockException.class),
                    () -> "expected an OptimisticLockException in the causes of " + failure);
        } finally {
            payment.close();
            customer.close();
        }
        inTransaction(em -> assertEquals(OrderStatus.PAID, em.find(CustomerOrder.class, orderId).getStatus()));
    }

    @Test
    void discover_finds_the_orders_contributor_and_the_contributors_it_depends_on() {
        EntityRegistry registry = EntityRegistry.discover();
        assertEquals(Set.of("auth", "catalog", "orders"), Set.copyOf(registry.moduleNames()));
        assertEquals(new OrdersEntities().entityClasses(), registry.entities().stream()
                .filter(e -> e.moduleName().equals("orders")).<Class<?>>map(RegisteredEntity::entityClass).toList());
        assertTrue(registry.entities().stream().filter(e -> e.moduleName().equals("orders"))
                .allMatch(e -> e.contributorClass() == OrdersEntities.class));
        assertEquals(new AuthEntities().entityClasses().size() + new CatalogEntities().entityClasses().size()
                + new OrdersEntities().entityClasses().size(), registry.entityClasses().size());
        assertEquals(List.of("cart", "cart_item", "customer_order", "order_item", "wishlist_item", "pre_order"),
                registry.entities().stream().filter(e -> e.moduleName().equals("orders"))
                        .map(RegisteredEntity::tableName).toList());
    }

    @Test
    void schema_has_the_mapped_types_and_constraint_names() {
        assertEquals(List.of("timestamp with time zone NO"),
                column("customer_order", "placed_at", "data_type || ' ' || is_nullable"));
        assertEquals(List.of("numeric 12 2"), column("order_item", "unit_price",
                "data_type || ' ' || numeric_precision || ' ' || numeric_scale"));
        assertEquals(List.of("numeric 12 2"), column("customer_order", "total",
                "data_type || ' ' || numeric_precision || ' ' || numeric_scale"));
        assertEquals(List.of("character varying 2 NO"), column("customer_order", "shipping_country",
                "data_type || ' ' || character_maximum_length || ' ' || is_nullable"));
        assertEquals(List.of("YES"), column("customer_order", "shipping_line2", "is_nullable"));
        assertEquals(List.of("character varying 20"), column("customer_order", "status",
                "data_type || ' ' || character_maximum_length"));

        assertEquals(List.of("order_item(book_id) -> book(id)"), foreignKey("fk_order_item_book_id"));
        assertEquals(List.of("order_item(order_id) -> customer_order(id)"), foreignKey("fk_order_item_order_id"));
        assertEquals(List.of("customer_order(user_id) -> user_account(id)"), foreignKey("fk_customer_order_user_id"));
        assertEquals(List.of("pre_order(book_id) -> book(id)"), foreignKey("fk_pre_order_book_id"));
        assertEquals(List.of("ix_customer_order_user_id_placed_at"), query("select indexname from pg_indexes "
                + "where indexname = 'ix_customer_order_user_id_placed_at' "
                + "and indexdef like '%(user_id, placed_at)'"));
        assertEquals(List.of("CHECK ((quantity > 0))"), query("select pg_get_constraintdef(oid) from pg_constraint "
                + "where conname = 'ck_order_item_quantity'"));
        assertEquals(List.of("book_author_pkey PRIMARY KEY (book_id, author_id)",
                        "book_category_pkey PRIMARY KEY (book_id, category_id)",
                        "book_tag_pkey PRIMARY KEY (book_id, tag)",
                        "user_account_role_pkey PRIMARY KEY (user_id, role_id)"),
                query("select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where contype = 'p' "
                        + "and conname in ('book_author_pkey', 'book_category_pkey', 'book_tag_pkey', "
                        + "'user_account_role_pkey') order by conname"),
                "join table keys have the same column order in the full registry as in the module's own");
        assertTrue(query("select pg_get_constraintdef(oid) from pg_constraint where conname = 'customer_order_status_check'")
                .get(0).contains("'PENDING_PAYMENT'::character varying"), "Hibernate's enum CHECK lists the constants");
    }

    @Test
    void every_constraint_and_index_of_the_whole_model_has_a_conventional_name() {
        List<String> names = query("select c.conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace "
                + "where n.nspname = 'public' and c.contype <> 'n' union all select indexname from pg_indexes "
                + "where schemaname = 'public'");
        List<String> unconventional = names.stream()
                .filter(name -> !name.matches("(fk|uk|ix|ck)_[a-z0-9_]+|[a-z0-9_]+_pkey|[a-z0-9_]+_status_check"))
                .collect(Collectors.toList());
        assertEquals(List.of(), unconventional, "Hibernate-generated or PostgreSQL-default names");
        assertFalse(names.isEmpty());
    }

    private UUID newUser() {
        return fromTransaction(em -> {
            UserAccount user = new UserAccount(UUID.randomUUID() + "@example.com", "Customer", "hash");
            user.activate();
            em.persist(user);
            return user.getId();
        });
    }

    private UUID newBook(String title, String price, LocalDate publicationDate) {
        return fromTransaction(em -> {
            Book book = new Book(nextIsbn(), title, new BigDecimal(price), "EUR");
            book.schedulePublication(publicationDate);
            book.restock(10);
            em.persist(book);
            return book.getId();
        });
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

    private static List<String> foreignKey(String name) {
        return query("select c.conrelid::regclass || '(' || a.attname || ') -> ' || c.confrelid::regclass || '('"
                + " || fa.attname || ')' from pg_constraint c "
                + "join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1] "
                + "join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = c.confkey[1] "
                + "where c.contype = 'f' and c.conname = '" + name + "'");
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

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
