package com.bookstore.db.migrations.scenarios;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * The fixture models of the scenario table: for each row, the entity as it was ("before") and as it is ("after"),
 * mapped to the same table. Field values are never used; only the mappings matter.
 */
@SuppressWarnings("unused")
final class ScenarioModels {

    private ScenarioModels() {
    }

    /** The starting point of most rows. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class Item {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
    }

    /** Row 1 and 2: a second entity with PK, FK, index and unique constraint. */
    @Entity(name = "Tag")
    @Table(name = "tag", indexes = @Index(name = "ix_tag_label", columnList = "label"),
            uniqueConstraints = @UniqueConstraint(name = "uk_tag_code", columnNames = "code"))
    public static class Tag {
        @Id Long id;
        @Column(nullable = false, length = 30) String code;
        @Column(length = 80) String label;
        @ManyToOne @JoinColumn(name = "item_id", foreignKey = @ForeignKey(name = "fk_tag_item")) Item item;
    }

    /** Rows 3 and 4: a new field. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemWithNote {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @Column(length = 500) String note;
    }

    /** A type change on a table with a hand-written view: name 200 long, note kept. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemWithNoteLongName {
        @Id Long id;
        @Column(nullable = false, length = 200) String name;
        @Column(length = 500) String note;
    }

    /** Rows 5 and 6: name nullable. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemNullableName {
        @Id Long id;
        @Column(length = 100) String name;
    }

    /** Rows 7 and 8: name 200 long. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemLongName {
        @Id Long id;
        @Column(nullable = false, length = 200) String name;
    }

    /** Row 9: Integer → Long. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemIntStock {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        Integer stock;
    }

    /** Row 9, after. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemLongStock {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        Long stock;
    }

    /** Row 10: String → text. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemTextName {
        @Id Long id;
        @Column(nullable = false) @JdbcTypeCode(SqlTypes.LONG32VARCHAR) String name;
    }

    /** Row 11: numeric(10,2). */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemPrice10 {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @Column(precision = 10, scale = 2) BigDecimal price;
    }

    /** Row 11: numeric(12,2). */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemPrice12 {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @Column(precision = 12, scale = 2) BigDecimal price;
    }

    /** Row 12: LocalDateTime. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemLocalTime {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        LocalDateTime createdAt;
    }

    /** Row 12: Instant. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemInstant {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        Instant createdAt;
    }

    /** Rows 13 and 14: an index on name. */
    @Entity(name = "Item")
    @Table(name = "item", indexes = @Index(name = "ix_item_name", columnList = "name"))
    public static class ItemIndexed {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
    }

    /** Item under another table name, with the same columns: a table rename. */
    @Entity(name = "Product")
    @Table(name = "product")
    public static class Product {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
    }

    /** A second table with Item's columns: no table is named as the rename of item then. */
    @Entity(name = "Archive")
    @Table(name = "archive")
    public static class Archive {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
    }

    /** Rows 15 and 16: name unique. */
    @Entity(name = "Item")
    @Table(name = "item", uniqueConstraints = @UniqueConstraint(name = "uk_item_name", columnNames = "name"))
    public static class ItemUnique {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
    }

    /** Rows 17 and 18: the parent of a many-to-one. */
    @Entity(name = "Shelf")
    @Table(name = "shelf")
    public static class Shelf {
        @Id Long id;
    }

    /** Row 17: a new many-to-one. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemOnShelf {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @ManyToOne @JoinColumn(name = "shelf_id", foreignKey = @ForeignKey(name = "fk_item_shelf")) Shelf shelf;
    }

    /** Row 18: the same many-to-one, deleted with its shelf. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemOnShelfCascade {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @ManyToOne @JoinColumn(name = "shelf_id", foreignKey = @ForeignKey(name = "fk_item_shelf"))
        @OnDelete(action = OnDeleteAction.CASCADE) Shelf shelf;
    }

    /** Row 19: two colours. */
    public enum TwoColours { RED, GREEN }

    /** Row 19: three colours. */
    public enum ThreeColours { RED, GREEN, BLUE }

    /** Row 19, before. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemTwoColours {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @Enumerated(EnumType.STRING) @Column(length = 10) TwoColours colour;
    }

    /** Row 19, after. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemThreeColours {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @Enumerated(EnumType.STRING) @Column(length = 10) ThreeColours colour;
    }

    /** Row 20: the other side of a many-to-many. */
    @Entity(name = "Label")
    @Table(name = "label")
    public static class Label {
        @Id Long id;
    }

    /** Row 20, before: the label table exists, no association. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemBeforeLabels {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
    }

    /** Row 20, after: a many-to-many. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemWithLabels {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @ManyToMany
        @JoinTable(name = "item_label", joinColumns = @JoinColumn(name = "item_id"),
                inverseJoinColumns = @JoinColumn(name = "label_id"),
                foreignKey = @ForeignKey(name = "fk_item_label_item"),
                inverseForeignKey = @ForeignKey(name = "fk_item_label_label"))
        Set<Label> labels;
    }

    /** Row 21: an element collection. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemWithKeywords {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @ElementCollection
        @CollectionTable(name = "item_keyword", joinColumns = @JoinColumn(name = "item_id"),
                foreignKey = @ForeignKey(name = "fk_item_keyword_item"))
        @Column(name = "keyword", length = 40)
        Set<String> keywords;
    }

    /** Row 22: an embeddable. */
    @Embeddable
    public static class Size {
        Integer widthMm;
        Integer heightMm;
    }

    /** Row 22, after. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemWithSize {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
        @Embedded Size size;
    }

    /** Row 23: a sequence-generated id. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemSequenced {
        @Id
        @GeneratedValue(generator = "item_seq")
        @SequenceGenerator(name = "item_seq", sequenceName = "item_seq", initialValue = 1000, allocationSize = 20)
        Long id;
        @Column(nullable = false, length = 100) String name;
    }

    /** Row 24: name renamed to title. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemRenamed {
        @Id Long id;
        @Column(name = "title", nullable = false, length = 100) String name;
    }

    /** Row 24c: renamed and widened at once. */
    @Entity(name = "Item")
    @Table(name = "item")
    public static class ItemRenamedAndWidened {
        @Id Long id;
        @Column(name = "title", nullable = false, length = 200) String name;
    }

    /** Row 19b: a named table CHECK constraint. */
    @Entity(name = "Item")
    @Table(name = "item")
    @org.hibernate.annotations.Check(name = "ck_item_name", constraints = "length(name) > 0")
    public static class ItemChecked {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
    }

    /** Inheritance, JOINED: a subclass is a table of its own whose id references its parent's. */
    @Entity(name = "Animal")
    @Table(name = "animal")
    @jakarta.persistence.Inheritance(strategy = jakarta.persistence.InheritanceType.JOINED)
    public static class Animal {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
    }

    @Entity(name = "Dog")
    @Table(name = "dog")
    public static class Dog extends Animal {
        String bark;
    }

    @Entity(name = "Cat")
    @Table(name = "cat")
    public static class Cat extends Animal {
        Integer lives;
    }

    /** Inheritance, SINGLE_TABLE: a subclass adds its columns, nullable, to its parent's table. */
    @Entity(name = "Vehicle")
    @Table(name = "vehicle")
    @jakarta.persistence.Inheritance(strategy = jakarta.persistence.InheritanceType.SINGLE_TABLE)
    public static class Vehicle {
        @Id Long id;
        @Column(nullable = false, length = 100) String name;
    }

    @Entity(name = "Car")
    @jakarta.persistence.DiscriminatorValue("car")
    public static class Car extends Vehicle {
        Integer doors;
    }

    @Entity(name = "Bike")
    @jakarta.persistence.DiscriminatorValue("bike")
    public static class Bike extends Vehicle {
        Boolean electric;
    }
}
