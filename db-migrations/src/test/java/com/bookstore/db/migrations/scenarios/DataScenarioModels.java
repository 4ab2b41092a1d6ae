package com.bookstore.db.migrations.scenarios;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Fixture models of the changes that meet existing rows. Field values are never used; only the mappings matter. */
@SuppressWarnings("unused")
final class DataScenarioModels {

    private DataScenarioModels() {
    }

    /** An item that refers to a shelf by a plain column, before the column becomes a {@code @ManyToOne}. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemWithShelfId {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @Column(name = "shelf_id") Long shelfId;
    }

    /** The enum of the storage scenarios, in declaration order. */
    public enum Status { DRAFT, PUBLISHED, RETIRED }

    /** Status stored as its ordinal. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemStatusOrdinal {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @Enumerated(EnumType.ORDINAL) Status status;
    }

    /** Status stored as its name. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemStatusString {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @Enumerated(EnumType.STRING) @Column(length = 20) Status status;
    }
}
