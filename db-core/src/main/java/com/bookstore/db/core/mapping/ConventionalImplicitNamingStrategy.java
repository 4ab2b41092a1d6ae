package com.bookstore.db.core.mapping;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitConstraintNameSource;
import org.hibernate.boot.model.naming.ImplicitForeignKeyNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.ImplicitUniqueKeyNameSource;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The constraint naming convention, as Alembic's {@code naming_convention}: constraints the entity does not name get
 * a readable, deterministic name instead of Hibernate's hash ({@code FKbjqhp85wjv8vpr0beygh6jsgo}).
 *
 * <ul>
 *   <li>foreign key: {@code fk_<table>_<columns>}</li>
 *   <li>unique constraint: {@code uk_<table>_<columns>}</li>
 *   <li>index: {@code ix_<table>_<columns>}</li>
 * </ul>
 * Primary keys and the CHECK constraints that Hibernate derives (enum values) are created unnamed by Hibernate 6.6's
 * DDL, so they carry PostgreSQL's own deterministic names: {@code <table>_pkey} and {@code <table>_<column>_check}.
 *
 * <p>Hibernate 6.6's PostgreSQL DDL drops the unique constraint names this strategy gives unless they are marked
 * explicit; {@link SchemaMapping#metadata} therefore also applies {@link ConventionalConstraintNames} to the model.
 */
public class ConventionalImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {

    private static final long serialVersionUID = 1L;

    @Override
    public Identifier determineForeignKeyName(ImplicitForeignKeyNameSource source) {
        return conventional("fk", source);
    }

    @Override
    public Identifier determineUniqueKeyName(ImplicitUniqueKeyNameSource source) {
        return conventional("uk", source);
    }

    @Override
    public Identifier determineIndexName(ImplicitIndexNameSource source) {
        return conventional("ix", source);
    }

    private static Identifier conventional(String prefix, ImplicitConstraintNameSource source) {
        Identifier given = source.getUserProvidedIdentifier();
        if (given != null) {
            return given;
        }
        return Identifier.toIdentifier(NamingConvention.constraintName(prefix, text(source.getTableName()),
                source.getColumnNames().stream().map(ConventionalImplicitNamingStrategy::text).toList()));
    }

    private static String text(Identifier identifier) {
        return identifier == null ? "" : identifier.getText();
    }

    /** The convention itself, shared with tools that need to predict a name. */
    public static final class NamingConvention {

        private NamingConvention() {
        }

        /** {@code constraintName("fk", "order_item", ["book_id"])} → {@code fk_order_item_book_id}. */
        public static String constraintName(String prefix, String table, List<String> columns) {
            String joined = columns.stream().map(SnakeCaseNames::toSnakeCase).collect(Collectors.joining("_"));
            return SnakeCaseNames.fit(prefix + "_" + SnakeCaseNames.toSnakeCase(table) + (joined.isEmpty() ? "" : "_" + joined));
        }
    }
}
