package com.bookstore.db.core.registry;

import com.bookstore.db.core.registry.fixtures.ArchivedBook;
import com.bookstore.db.core.registry.fixtures.ArchivedLegacyBook;
import com.bookstore.db.core.registry.fixtures.Author;
import com.bookstore.db.core.registry.fixtures.BaseEntity;
import com.bookstore.db.core.registry.fixtures.Book;
import com.bookstore.db.core.registry.fixtures.BookAuthor;
import com.bookstore.db.core.registry.fixtures.BookAuthorLink;
import com.bookstore.db.core.registry.fixtures.CatalogContributor;
import com.bookstore.db.core.registry.fixtures.CatalogItem;
import com.bookstore.db.core.registry.fixtures.Comic;
import com.bookstore.db.core.registry.fixtures.DeliveryVan;
import com.bookstore.db.core.registry.fixtures.DeliveryVanRecord;
import com.bookstore.db.core.registry.fixtures.DiscoverableContributor;
import com.bookstore.db.core.registry.fixtures.GiftCard;
import com.bookstore.db.core.registry.fixtures.LegacyBook;
import com.bookstore.db.core.registry.fixtures.Magazine;
import com.bookstore.db.core.registry.fixtures.NotAnEntity;
import com.bookstore.db.core.registry.fixtures.OrdersContributor;
import com.bookstore.db.core.registry.fixtures.Product;
import com.bookstore.db.core.registry.fixtures.Publication;
import com.bookstore.db.core.registry.fixtures.Rating;
import com.bookstore.db.core.registry.fixtures.RenamedEntity;
import com.bookstore.db.core.registry.fixtures.Review;
import com.bookstore.db.core.registry.fixtures.Vehicle;
import com.bookstore.db.core.spi.EntityContributor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityRegistryTest {

    private static final String CATALOG = "entity contributor " + CatalogContributor.class.getName() + " (module 'catalog')";
    private static final String ORDERS = "entity contributor " + OrdersContributor.class.getName() + " (module 'orders')";

    @Test
    void keeps_contributor_and_list_order() {
        EntityRegistry registry = EntityRegistry.of(
                new CatalogContributor(BookAuthor.class, Book.class, Author.class),
                new OrdersContributor(Publication.class, Magazine.class));

        assertEquals(List.of(BookAuthor.class, Book.class, Author.class, Publication.class, Magazine.class),
                registry.entityClasses());
        assertEquals(List.of(
                        "com.bookstore.db.core.registry.fixtures.BookAuthor",
                        "com.bookstore.db.core.registry.fixtures.Book",
                        "com.bookstore.db.core.registry.fixtures.Author",
                        "com.bookstore.db.core.registry.fixtures.Publication",
                        "com.bookstore.db.core.registry.fixtures.Magazine"),
                registry.managedClassNames());
        assertEquals(List.of("catalog", "orders"), registry.moduleNames());
        assertEquals("EntityRegistry" + registry.managedClassNames(), registry.toString());
    }

    @Test
    void records_module_contributor_and_physical_table_of_each_entity() {
        EntityRegistry registry = EntityRegistry.of(new CatalogContributor(BookAuthor.class, CatalogItem.class),
                new OrdersContributor(Book.class));

        assertEquals(List.of(
                        new RegisteredEntity(BookAuthor.class, "catalog", CatalogContributor.class, "book_author"),
                        new RegisteredEntity(CatalogItem.class, "catalog", CatalogContributor.class, "catalog_item"),
                        new RegisteredEntity(Book.class, "orders", OrdersContributor.class, "book")),
                registry.entities());
    }

    @Test
    void contains_only_registered_classes() {
        EntityRegistry registry = EntityRegistry.of(new CatalogContributor(Book.class));
        assertTrue(registry.contains(Book.class));
        assertFalse(registry.contains(Author.class));
        assertFalse(registry.contains(NotAnEntity.class));
    }

    @Test
    void is_immutable() {
        EntityRegistry registry = EntityRegistry.of(new CatalogContributor(Book.class));
        assertThrows(UnsupportedOperationException.class, () -> registry.entities().clear());
        assertThrows(UnsupportedOperationException.class, () -> registry.entityClasses().add(Author.class));
        assertThrows(UnsupportedOperationException.class, () -> registry.managedClassNames().clear());
        assertThrows(UnsupportedOperationException.class, () -> registry.moduleNames().clear());
    }

    @Test
    void no_contributors_and_empty_lists_make_an_empty_registry() {
        assertTrue(EntityRegistry.of().entities().isEmpty());
        EntityRegistry registry = EntityRegistry.of(List.of(new CatalogContributor(List.of())));
        assertTrue(registry.entityClasses().isEmpty());
        assertTrue(registry.moduleNames().isEmpty());
    }

    @Test
    void class_registered_twice_by_one_contributor() {
        EntityRegistryException e = assertThrows(EntityRegistryException.class,
                () -> EntityRegistry.of(new CatalogContributor(Book.class, Author.class, Book.class)));
        assertEquals(Book.class.getName() + " is registered twice: by " + CATALOG + " and by " + CATALOG
                + ". An entity belongs to exactly one module; remove it from one of the two contributors.", e.getMessage());
    }

    @Test
    void class_registered_by_two_contributors() {
        EntityRegistryException e = assertThrows(EntityRegistryException.class,
                () -> EntityRegistry.of(new CatalogContributor(Book.class), new OrdersContributor(Author.class, Book.class)));
        assertEquals(Book.class.getName() + " is registered twice: by " + CATALOG + " and by " + ORDERS
                + ". An entity belongs to exactly one module; remove it from one of the two contributors.", e.getMessage());
    }

    @Test
    void two_entities_on_one_table_named_by_table_annotation() {
        EntityRegistryException e = assertThrows(EntityRegistryException.class,
                () -> EntityRegistry.of(new CatalogContributor(Book.class), new OrdersContributor(LegacyBook.class)));
        assertEquals("Two entities map to table 'book': " + Book.class.getName() + " (" + CATALOG + ") and "
                + LegacyBook.class.getName() + " (" + ORDERS + "). Rename one table with @Table(name = ...) or remove the"
                + " duplicate entity.", e.getMessage());
    }

    @Test
    void tables_of_one_name_in_two_schemas_are_two_tables_and_collide_within_one_schema() {
        EntityRegistry registry = EntityRegistry.of(new CatalogContributor(Book.class), new OrdersContributor(ArchivedBook.class));
        assertEquals(2, registry.entityClasses().size());
        EntityRegistryException e = assertThrows(EntityRegistryException.class,
                () -> EntityRegistry.of(new CatalogContributor(ArchivedBook.class), new OrdersContributor(ArchivedLegacyBook.class)));
        assertTrue(e.getMessage().startsWith("Two entities map to table 'archive.book': "), e.getMessage());
    }

    @Test
    void entity_name_in_snake_case_collides_with_an_explicit_table_name() {
        EntityRegistryException e = assertThrows(EntityRegistryException.class,
                () -> EntityRegistry.of(new CatalogContributor(BookAuthor.class, BookAuthorLink.class)));
        String message = e.getMessage();
        assertTrue(message.startsWith("Two entities map to table 'book_author': "), message);
        assertTrue(message.contains(BookAuthor.class.getName() + " (" + CATALOG + ")"), message);
        assertTrue(message.contains(BookAuthorLink.class.getName() + " (" + CATALOG + ")"), message);
        assertTrue(message.contains("Rename one table with @Table(name = ...)"), message);
    }

    @Test
    void explicit_entity_name_collides_like_a_class_name() {
        EntityRegistryException e = assertThrows(EntityRegistryException.class,
                () -> EntityRegistry.of(new CatalogContributor(BookAuthor.class), new OrdersContributor(RenamedEntity.class)));
        assertTrue(e.getMessage().startsWith("Two entities map to table 'book_author': " + BookAuthor.class.getName()),
                e.getMessage());
        assertTrue(e.getMessage().contains(RenamedEntity.class.getName() + " (" + ORDERS + ")"), e.getMessage());
    }

    @Test
    void single_table_subclasses_share_the_root_table() {
        EntityRegistry registry = EntityRegistry.of(new CatalogContributor(Publication.class, Magazine.class, Comic.class),
                new OrdersContributor(Product.class, GiftCard.class));
        assertEquals(List.of("publication", "publication", "publication", "product", "product"),
                registry.entities().stream().map(RegisteredEntity::tableName).toList());
    }

    @Test
    void single_table_subclass_registered_before_its_root_is_accepted() {
        EntityRegistry registry = EntityRegistry.of(new CatalogContributor(Magazine.class),
                new OrdersContributor(Publication.class));
        assertEquals(List.of(Magazine.class, Publication.class), registry.entityClasses());
    }

    @Test
    void joined_subclasses_have_their_own_table() {
        EntityRegistry registry = EntityRegistry.of(new CatalogContributor(
                Vehicle.class, DeliveryVan.class));
        assertEquals(List.of("vehicle", "delivery_van"),
                registry.entities().stream().map(RegisteredEntity::tableName).toList());
    }

    @Test
    void another_hierarchy_on_a_joined_subclass_table_collides() {
        EntityRegistryException e = assertThrows(EntityRegistryException.class, () -> EntityRegistry.of(
                new CatalogContributor(Vehicle.class, DeliveryVan.class),
                new OrdersContributor(DeliveryVanRecord.class)));
        assertTrue(e.getMessage().startsWith("Two entities map to table 'delivery_van': " + DeliveryVan.class.getName()),
                e.getMessage());
        assertTrue(e.getMessage().contains(DeliveryVanRecord.class.getName()), e.getMessage());
    }

    @Test
    void entities_under_one_mapped_superclass_are_separate_roots() {
        EntityRegistry registry = EntityRegistry.of(new CatalogContributor(Review.class, Rating.class));
        assertEquals(List.of("review", "rating"), registry.entities().stream().map(RegisteredEntity::tableName).toList());
    }

    @Test
    void class_that_is_not_an_entity_names_the_class_and_the_contributor() {
        EntityRegistryException e = assertThrows(EntityRegistryException.class,
                () -> EntityRegistry.of(new CatalogContributor(Book.class), new OrdersContributor(NotAnEntity.class)));
        assertEquals(NotAnEntity.class.getName() + " is registered by " + ORDERS + " but is not annotated"
                + " @jakarta.persistence.Entity; annotate it or remove it from entityClasses().", e.getMessage());
    }

    @Test
    void a_mapped_superclass_is_not_an_entity() {
        EntityRegistryException e = assertThrows(EntityRegistryException.class,
                () -> EntityRegistry.of(new CatalogContributor(BaseEntity.class)));
        assertTrue(e.getMessage().startsWith(BaseEntity.class.getName()
                + " is registered by " + CATALOG + " but is not annotated @jakarta.persistence.Entity"), e.getMessage());
    }

    @Test
    void contributor_returning_a_null_list() {
        EntityRegistryException e = assertThrows(EntityRegistryException.class,
                () -> EntityRegistry.of(new CatalogContributor(Book.class), new OrdersContributor((List<Class<?>>) null)));
        assertEquals("Entity contributor " + OrdersContributor.class.getName()
                + " returned null from entityClasses(); return an empty list instead.", e.getMessage());
    }

    @Test
    void contributor_listing_a_null_class() {
        EntityRegistryException e = assertThrows(EntityRegistryException.class,
                () -> EntityRegistry.of(new CatalogContributor(Arrays.asList(Book.class, null))));
        assertEquals(CATALOG + " lists a null entity class; remove it from entityClasses().", e.getMessage());
    }

    @Test
    void null_contributor_collection() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> EntityRegistry.of((Collection<EntityContributor>) null));
        assertEquals("contributors", e.getMessage());
    }

    @Test
    void discover_finds_contributors_declared_in_meta_inf_services_of_the_given_class_loader(@TempDir Path dir)
            throws IOException {
        writeServicesFile(dir, DiscoverableContributor.class.getName());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            EntityRegistry registry = EntityRegistry.discover(loader);
            assertEquals(List.of(Book.class, Author.class), registry.entityClasses());
            assertEquals(List.of("discoverable"), registry.moduleNames());
        }
    }

    @Test
    void discover_reports_a_contributor_that_cannot_be_loaded(@TempDir Path dir) throws IOException {
        writeServicesFile(dir, "com.bookstore.missing.NoSuchContributor");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            EntityRegistryException e = assertThrows(EntityRegistryException.class, () -> EntityRegistry.discover(loader));
            assertTrue(e.getMessage().startsWith("Cannot load an entity contributor declared in META-INF/services/"
                    + EntityContributor.class.getName() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("com.bookstore.missing.NoSuchContributor"), e.getMessage());
            assertTrue(e.getMessage().endsWith("Check that the class exists, is public and has a public no-argument"
                    + " constructor."), e.getMessage());
            assertInstanceOf(java.util.ServiceConfigurationError.class, e.getCause());
        }
    }

    @Test
    void discover_without_any_declaration_is_empty() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            assertTrue(EntityRegistry.discover(loader).entities().isEmpty(),
                    "db-core itself declares no contributor");
        }
    }

    private static void writeServicesFile(Path dir, String className) throws IOException {
        Path services = dir.resolve("META-INF/services/" + EntityContributor.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# test contributor\n" + className + "\n", StandardCharsets.UTF_8);
    }
}
