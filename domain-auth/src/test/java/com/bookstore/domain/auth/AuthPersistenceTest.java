package com.bookstore.domain.auth;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.testing.ChangelogSchema;
import com.bookstore.db.core.testing.SqlProbe;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.registry.RegisteredEntity;
import com.bookstore.db.core.runtime.PersistenceRuntime;
import com.bookstore.db.core.settings.PoolSettings;
import com.bookstore.domain.auth.model.OAuthAccount;
import com.bookstore.domain.auth.model.RefreshToken;
import com.bookstore.domain.auth.model.Role;
import com.bookstore.domain.auth.model.UserAccount;
import com.bookstore.domain.auth.model.UserStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auth mapping against a real PostgreSQL: round trips, constraints, locking and the resulting schema. */
class AuthPersistenceTest {

    /** This module's tables: the changelogs create the whole bookstore schema. */
    private static final String MODULE_TABLES = "'user_account', 'role', 'oauth_account', 'refresh_token', 'user_account_role'";

    private static ScratchDatabases databases;
    private static PersistenceRuntime persistence;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void startDatabase() {
        databases = ScratchDatabases.forTests();
        persistence = PersistenceRuntime.start(EntityRegistry.of(new AuthEntities()), ChangelogSchema.apply(databases.create("auth_test")),
                PoolSettings.DEFAULTS, Map.of());
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
    void user_with_roles_oauth_account_and_refresh_token_round_trips() {
        Instant expiresAt = Instant.parse("2030-01-01T10:15:30.123456Z");
        UUID userId = fromTransaction(em -> {
            Role customer = new Role("CUSTOMER", "Buys books");
            Role admin = new Role("ADMIN", "Runs the shop");
            em.persist(customer);
            em.persist(admin);
            UserAccount user = new UserAccount("  Ada.Lovelace@Example.COM ", "Ada", "$argon2id$v=19$hash");
            user.activate();
            user.grant(customer);
            user.grant(admin);
            em.persist(user);
            em.persist(new OAuthAccount(user, "GitHub", "gh-4711"));
            em.persist(new RefreshToken(user, "a".repeat(64), expiresAt));
            return user.getId();
        });
        assertNotNull(userId);

        inTransaction(em -> {
            UserAccount user = em.find(UserAccount.class, userId);
            assertEquals("ada.lovelace@example.com", user.getEmail());
            assertEquals("Ada", user.getDisplayName());
            assertEquals("$argon2id$v=19$hash", user.getPasswordHash());
            assertEquals(UserStatus.ACTIVE, user.getStatus());
            assertTrue(user.canSignIn());
            assertEquals(Set.of("CUSTOMER", "ADMIN"), names(user.getRoles()));
            assertTrue(user.hasRole("ADMIN"));
            assertNotNull(user.getCreatedAt());
            assertNotNull(user.getUpdatedAt());
            assertEquals(0L, user.getVersion());

            OAuthAccount oauth = em.createQuery(
                    "select o from OAuthAccount o where o.provider = :provider and o.providerUserId = :subject",
                    OAuthAccount.class)
                    .setParameter("provider", "github").setParameter("subject", "gh-4711").getSingleResult();
            assertEquals(user, oauth.getUser());
            assertNotNull(oauth.getLinkedAt());

            RefreshToken token = em.createQuery("select t from RefreshToken t where t.tokenHash = :hash",
                    RefreshToken.class).setParameter("hash", "a".repeat(64)).getSingleResult();
            assertEquals(userId, token.getUser().getId());
            assertEquals(expiresAt, token.getExpiresAt(), "timestamptz keeps microseconds");
            assertNull(token.getRevokedAt());
            assertTrue(token.isUsableAt(expiresAt.minusSeconds(1)));
            token.revoke(expiresAt.minus(1, ChronoUnit.DAYS));
        });

        inTransaction(em -> {
            RefreshToken token = em.createQuery("select t from RefreshToken t where t.tokenHash = :hash",
                    RefreshToken.class).setParameter("hash", "a".repeat(64)).getSingleResult();
            assertEquals(expiresAt.minus(1, ChronoUnit.DAYS), token.getRevokedAt());
            assertFalse(token.isUsableAt(expiresAt.minusSeconds(1)));
        });
    }

    @Test
    void concurrent_updates_of_an_account_fail_with_an_optimistic_lock_exception() {
        UUID userId = fromTransaction(em -> {
            UserAccount user = new UserAccount("grace@example.com", "Grace", null);
            em.persist(user);
            return user.getId();
        });

        EntityManager first = emf.createEntityManager();
        EntityManager second = emf.createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            UserAccount seenByFirst = first.find(UserAccount.class, userId);
            UserAccount seenBySecond = second.find(UserAccount.class, userId);
            seenByFirst.rename("Grace Hopper");
            seenBySecond.suspend();
            first.getTransaction().commit();

            // Hibernate's native bootstrap throws the OptimisticLockException itself from commit(); a JPA-compliant
            // bootstrap would wrap it in a RollbackException. Either way the transaction is rolled back.
            PersistenceException failure = assertThrows(PersistenceException.class,
                    () -> second.getTransaction().commit());
            assertNotNull(causeOfType(failure, OptimisticLockException.class),
                    () -> "expected an OptimisticLockException in the causes of " + failure);
            assertFalse(second.getTransaction().isActive(), "the failed transaction is over");
        } finally {
            first.close();
            second.close();
        }

        inTransaction(em -> {
            UserAccount user = em.find(UserAccount.class, userId);
            assertEquals("Grace Hopper", user.getDisplayName());
            assertEquals(UserStatus.PENDING_VERIFICATION, user.getStatus(), "the losing update left no trace");
            assertEquals(1L, user.getVersion());
        });
    }

    @Test
    void a_second_account_with_the_same_email_in_another_case_is_rejected_by_the_unique_constraint() {
        inTransaction(em -> em.persist(new UserAccount("alan@example.com", "Alan", null)));

        PersistenceException failure = assertThrows(PersistenceException.class,
                () -> inTransaction(em -> em.persist(new UserAccount("ALAN@example.com", "Alan T.", null))));
        ConstraintViolationException violation = causeOfType(failure, ConstraintViolationException.class);
        assertNotNull(violation, () -> "expected a constraint violation in the causes of " + failure);
        assertEquals("uk_user_account_email", violation.getConstraintName());
    }

    @Test
    void discover_finds_exactly_the_auth_contributor() {
        EntityRegistry registry = EntityRegistry.discover();
        assertEquals(List.of("auth"), registry.moduleNames());
        assertEquals(new AuthEntities().entityClasses(), registry.entityClasses());
        assertTrue(registry.entities().stream().allMatch(e -> e.contributorClass() == AuthEntities.class));
        assertEquals(List.of("user_account", "role", "oauth_account", "refresh_token"),
                registry.entities().stream().map(RegisteredEntity::tableName).toList());
    }

    @Test
    void schema_has_the_mapped_types_and_constraint_names() {
        assertEquals(List.of("uuid"), query("select data_type from information_schema.columns "
                + "where table_name = 'user_account' and column_name = 'id'"));
        assertEquals(List.of("character varying 320 NO"), query("select data_type || ' ' || character_maximum_length "
                + "|| ' ' || is_nullable from information_schema.columns "
                + "where table_name = 'user_account' and column_name = 'email'"));
        assertEquals(List.of("YES"), query("select is_nullable from information_schema.columns "
                + "where table_name = 'user_account' and column_name = 'password_hash'"));
        assertEquals(List.of("timestamp with time zone"), query("select data_type from information_schema.columns "
                + "where table_name = 'refresh_token' and column_name = 'expires_at'"));
        assertEquals(List.of("d"), query("select attidentity::text from pg_attribute "
                + "where attrelid = 'refresh_token'::regclass and attname = 'id'"), "generated by default as identity");
        assertEquals(List.of("50"), query("select increment_by::text from pg_sequences where sequencename = 'role_seq'"));

        assertEquals(List.of(
                "fk_oauth_account_user_id f", "fk_refresh_token_user_id f",
                "fk_user_account_role_role_id f", "fk_user_account_role_user_id f",
                "uk_oauth_account_provider_provider_user_id u", "uk_refresh_token_token_hash u",
                "uk_role_name u", "uk_user_account_email u"),
                query("select conname || ' ' || contype::text from pg_constraint c join pg_namespace n on n.oid = c.connamespace "
                        + "where n.nspname = 'public' and contype in ('f', 'u') and c.conrelid::regclass::text in (" + MODULE_TABLES + ") order by conname"));
        assertEquals(List.of("ix_oauth_account_user_id", "ix_refresh_token_user_id", "ix_user_account_role_role_id"),
                query("select indexname from pg_indexes where schemaname = 'public' and indexname like 'ix\\_%' and tablename in (" + MODULE_TABLES + ") "
                        + "order by indexname"));
        assertEquals(List.of("PRIMARY KEY (user_id, role_id)"), query("select pg_get_constraintdef(oid) "
                + "from pg_constraint where conname = 'user_account_role_pkey'"), "owner column first");
        assertEquals(List.of("user_account_status_check"), query("select conname from pg_constraint "
                + "where conrelid = 'user_account'::regclass and contype = 'c'"), "Hibernate's enum CHECK");
    }

    private static Set<String> names(Set<Role> roles) {
        Set<String> names = new java.util.HashSet<>();
        roles.forEach(role -> names.add(role.getName()));
        return names;
    }

    private static void inTransaction(Consumer<EntityManager> work) {
        persistence.runInTransaction(work);
    }

    private static <T> T fromTransaction(Function<EntityManager, T> work) {
        return persistence.inTransaction(work);
    }

    private static List<String> query(String sql) {
        return SqlProbe.strings(persistence.dataSource(), sql);
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
