package com.bookstore.db.core.mapping;

import com.bookstore.db.core.mapping.ConventionalImplicitNamingStrategy.NamingConvention;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitForeignKeyNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitUniqueKeyNameSource;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SnakeCaseNames}, the physical naming strategy and the constraint naming convention. */
class SnakeCaseNamesTest {

    private static final String LONG_NAME = "fk_customer_order_line_item_adjustment_promotional_discount_campaign_id_currency_code";

    @ParameterizedTest
    @CsvSource(textBlock = """
            camelCase,              camel_case
            PascalCase,             pascal_case
            BookAuthor,             book_author
            publishedOn,            published_on
            URLPath,                url_path
            bookURL,                book_url
            HTTPServerError,        http_server_error
            getHTTPResponseCode,    get_http_response_code
            userId,                 user_id
            ID,                     id
            isbn13,                 isbn13
            ISBN13,                 isbn13
            isbn13Code,             isbn13_code
            address2Line,           address2_line
            already_snake,          already_snake
            ORDER_ITEM,             order_item
            Book_Author,            book_author
            order.item,             order_item
            order-item,             order_item
            x,                      x
            """)
    void to_snake_case(String name, String expected) {
        assertEquals(expected, SnakeCaseNames.toSnakeCase(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"camelCase", "URLPath", "isbn13Code", "HTTPServerError", "Book_Author", "order.item"})
    void snake_case_is_idempotent(String name) {
        String once = SnakeCaseNames.toSnakeCase(name);
        assertEquals(once, SnakeCaseNames.toSnakeCase(once));
    }

    @Test
    void fit_leaves_names_up_to_63_characters_alone() {
        String sixtyThree = "a".repeat(63);
        assertEquals(sixtyThree, SnakeCaseNames.fit(sixtyThree));
        assertEquals("book", SnakeCaseNames.fit("book"));
        assertEquals(63, SnakeCaseNames.MAX_IDENTIFIER_LENGTH);
    }

    @Test
    void fit_shortens_longer_names_to_a_prefix_and_a_stable_hash() {
        // Fixed values: a different result would rename existing constraints in every database.
        assertEquals("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_ffe054fe", SnakeCaseNames.fit("a".repeat(64)));
        assertEquals("fk_customer_order_line_item_adjustment_promotional_dis_5bade8c7", SnakeCaseNames.fit(LONG_NAME));
    }

    @Test
    void fit_is_deterministic_and_within_the_limit() {
        String fitted = SnakeCaseNames.fit(LONG_NAME);
        assertEquals(63, fitted.length());
        assertEquals(fitted, SnakeCaseNames.fit(LONG_NAME));
        assertTrue(fitted.matches("[a-z0-9_]{54}_[0-9a-f]{8}"), fitted);
        assertTrue(LONG_NAME.startsWith(fitted.substring(0, 54)));
    }

    @Test
    void long_names_sharing_their_prefix_stay_distinct() {
        String prefix = "x".repeat(60);
        assertNotEquals(SnakeCaseNames.fit(prefix + "_one"), SnakeCaseNames.fit(prefix + "_two"));
    }

    @Test
    void to_physical_is_snake_case_then_fit() {
        assertEquals("book_author", SnakeCaseNames.toPhysical("BookAuthor"));
        String longCamel = "VeryLongEntityNameThatKeepsGoing".repeat(3);
        String physical = SnakeCaseNames.toPhysical(longCamel);
        assertEquals(SnakeCaseNames.fit(SnakeCaseNames.toSnakeCase(longCamel)), physical);
        assertEquals(63, physical.length());
    }

    @Test
    void constraint_names_follow_the_convention() {
        assertEquals("fk_order_item_book_id", NamingConvention.constraintName("fk", "order_item", List.of("book_id")));
        assertEquals("fk_order_item_book_id", NamingConvention.constraintName("fk", "OrderItem", List.of("bookId")));
        assertEquals("uk_book_author_book_id_author_id",
                NamingConvention.constraintName("uk", "book_author", List.of("book_id", "author_id")));
        assertEquals("ix_book_published_on", NamingConvention.constraintName("ix", "book", List.of("publishedOn")));
        assertEquals("ix_book_url_path", NamingConvention.constraintName("ix", "book", List.of("URLPath")));
        assertEquals("uk_book_isbn13", NamingConvention.constraintName("uk", "book", List.of("isbn13")));
        assertEquals("ix_book", NamingConvention.constraintName("ix", "book", List.of()));
    }

    @Test
    void long_constraint_names_are_shortened_deterministically() {
        String name = NamingConvention.constraintName("fk", "customer_order_line_item_adjustment",
                List.of("promotional_discount_campaign_id", "currency_code"));
        assertEquals("fk_customer_order_line_item_adjustment_promotional_dis_5bade8c7", name);
        assertEquals(name, NamingConvention.constraintName("fk", "customerOrderLineItemAdjustment",
                List.of("promotionalDiscountCampaignId", "currencyCode")));
        assertTrue(name.length() <= SnakeCaseNames.MAX_IDENTIFIER_LENGTH);
    }

    @Test
    void implicit_naming_strategy_names_unnamed_constraints_by_convention() {
        ConventionalImplicitNamingStrategy strategy = new ConventionalImplicitNamingStrategy();
        assertEquals("fk_order_item_book_id",
                strategy.determineForeignKeyName(foreignKey("order_item", List.of("book_id"), null)).getText());
        assertEquals("uk_book_isbn13", strategy.determineUniqueKeyName(uniqueKey("book", List.of("isbn13"), null)).getText());
        assertEquals("ix_book_published_on_title",
                strategy.determineIndexName(index("book", List.of("published_on", "title"), null)).getText());
    }

    @Test
    void implicit_naming_strategy_keeps_names_given_by_the_entity() {
        ConventionalImplicitNamingStrategy strategy = new ConventionalImplicitNamingStrategy();
        Identifier given = Identifier.toIdentifier("FK_Custom");
        assertSame(given, strategy.determineForeignKeyName(foreignKey("order_item", List.of("book_id"), given)));
        assertSame(given, strategy.determineUniqueKeyName(uniqueKey("book", List.of("isbn13"), given)));
        assertSame(given, strategy.determineIndexName(index("book", List.of("title"), given)));
    }

    @Test
    void physical_naming_strategy_snake_cases_everything_but_quoted_names() {
        SnakeCasePhysicalNamingStrategy strategy = new SnakeCasePhysicalNamingStrategy();
        assertEquals("book_author", strategy.toPhysicalTableName(Identifier.toIdentifier("BookAuthor"), null).getText());
        assertEquals("published_on", strategy.toPhysicalColumnName(Identifier.toIdentifier("publishedOn"), null).getText());
        assertEquals("order_seq", strategy.toPhysicalSequenceName(Identifier.toIdentifier("orderSeq"), null).getText());
        assertEquals("catalog", strategy.toPhysicalSchemaName(Identifier.toIdentifier("Catalog"), null).getText());
        assertEquals("bookstore", strategy.toPhysicalCatalogName(Identifier.toIdentifier("Bookstore"), null).getText());
        Identifier quoted = Identifier.toIdentifier("MixedCase", true);
        assertSame(quoted, strategy.toPhysicalTableName(quoted, null));
        assertNull(strategy.toPhysicalSchemaName(null, null));
        String physical = strategy.toPhysicalTableName(Identifier.toIdentifier("x".repeat(70)), null).getText();
        assertEquals(63, physical.length());
    }

    private static List<Identifier> identifiers(List<String> names) {
        return names.stream().map(Identifier::toIdentifier).toList();
    }

    private static ImplicitForeignKeyNameSource foreignKey(String table, List<String> columns, Identifier given) {
        return new ImplicitForeignKeyNameSource() {
            @Override
            public Identifier getTableName() {
                return Identifier.toIdentifier(table);
            }

            @Override
            public List<Identifier> getColumnNames() {
                return identifiers(columns);
            }

            @Override
            public Identifier getReferencedTableName() {
                return Identifier.toIdentifier("book");
            }

            @Override
            public List<Identifier> getReferencedColumnNames() {
                return List.of(Identifier.toIdentifier("id"));
            }

            @Override
            public Identifier getUserProvidedIdentifier() {
                return given;
            }

            @Override
            public MetadataBuildingContext getBuildingContext() {
                return null;
            }
        };
    }

    private static ImplicitUniqueKeyNameSource uniqueKey(String table, List<String> columns, Identifier given) {
        return new ImplicitUniqueKeyNameSource() {
            @Override
            public Identifier getTableName() {
                return Identifier.toIdentifier(table);
            }

            @Override
            public List<Identifier> getColumnNames() {
                return identifiers(columns);
            }

            @Override
            public Identifier getUserProvidedIdentifier() {
                return given;
            }

            @Override
            public MetadataBuildingContext getBuildingContext() {
                return null;
            }
        };
    }

    private static ImplicitIndexNameSource index(String table, List<String> columns, Identifier given) {
        return new ImplicitIndexNameSource() {
            @Override
            public Identifier getTableName() {
                return Identifier.toIdentifier(table);
            }

            @Override
            public List<Identifier> getColumnNames() {
                return identifiers(columns);
            }

            @Override
            public Identifier getUserProvidedIdentifier() {
                return given;
            }

            @Override
            public MetadataBuildingContext getBuildingContext() {
                return null;
            }
        };
    }
}
