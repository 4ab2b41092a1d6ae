package com.bookstore.db.migrations.scenarios;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.Collate;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.FractionalSeconds;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.PostgreSQLEnumJdbcType;

import java.time.Instant;

/**
 * Fixture models of the fail-closed issue: mappings whose differences the comparison used to miss, or whose DDL
 * used to vanish from the comparison. Field values are never used; only the mappings matter.
 */
@SuppressWarnings("unused")
final class FailClosedModels {

    private FailClosedModels() {
    }

    /** Case 1: a column type PostgreSQL does not know. */
    @Entity(name = "Coin")
    @Table(name = "coin")
    public static class CoinWithUnknownType {
        @Id Long id;
        @Column(name = "amount", columnDefinition = "no_such_type(3)") String amount;
    }

    /** Case 1: a column definition that asks for what the comparison does not compare (a compression method). */
    @Entity(name = "Coin")
    @Table(name = "coin")
    public static class CoinWithCompressedNote {
        @Id Long id;
        @Column(name = "note", columnDefinition = "text compression pglz") String note;
    }

    /** Case 1: a read-only entity on a view a hand-written revision creates, mapped as if it were a table. */
    @Entity(name = "ItemSummary")
    @Table(name = "item_summary")
    @org.hibernate.annotations.Immutable
    public static class ItemSummaryOnView {
        @Id Long id;
        @Column(length = 100) String name;
    }

    /** Case 1: the same entity mapped the way Hibernate writes no DDL for: a subselect of the view. */
    @Entity(name = "ItemSummary")
    @org.hibernate.annotations.Subselect("select id, name from item_summary")
    @org.hibernate.annotations.Synchronize("item_summary")
    @org.hibernate.annotations.Immutable
    public static class ItemSummaryBySubselect {
        @Id Long id;
        String name;
    }

    /** Case 1: a CHECK with a typo. */
    @Entity(name = "Coin")
    @Table(name = "coin")
    @Check(name = "ck_coin_amount", constraints = "amount >>> 0")
    public static class CoinWithBrokenCheck {
        @Id Long id;
        Integer amount;
    }

    /** Case 1: a type from an extension (citext) that a hand-written revision creates. */
    @Entity(name = "Handle")
    @Table(name = "handle")
    public static class Handle {
        @Id Long id;
        @Column(name = "login", columnDefinition = "citext", nullable = false) String login;
    }

    /** Case 2: reserved words as table and column names. */
    @Entity(name = "Member")
    @Table(name = "user")
    public static class User {
        @Id Long id;
        @Column(name = "order", nullable = false) Integer order;
    }

    /** Case 2, then a change on the reserved-word table. */
    @Entity(name = "Member")
    @Table(name = "user", indexes = @Index(name = "ix_user_order", columnList = "order"))
    public static class UserIndexed {
        @Id Long id;
        @Column(name = "order", nullable = false) Integer order;
        @Column(name = "select", length = 20) String select;
    }

    /** Case 3: a table in another schema, with a foreign key to {@code public}. */
    @Entity(name = "ArchivedItem")
    @Table(name = "archived_item", schema = "archive")
    public static class ArchivedItem {
        @Id Long id;
        @ManyToOne @JoinColumn(name = "item_id", foreignKey = @ForeignKey(name = "fk_archived_item_item"))
        ScenarioModels.Item item;
    }

    /** Case 3: the same table moved to {@code public}. */
    @Entity(name = "ArchivedItem")
    @Table(name = "archived_item")
    public static class ArchivedItemInPublic {
        @Id Long id;
        @ManyToOne @JoinColumn(name = "item_id", foreignKey = @ForeignKey(name = "fk_archived_item_item"))
        ScenarioModels.Item item;
    }

    /** Case 4: a named PostgreSQL enum type ({@code mood}). */
    static final class V1 {
        public enum Mood { HAPPY, SAD }
    }

    /** Case 4: the same type with a constant in the middle. */
    static final class V2 {
        public enum Mood { HAPPY, CALM, SAD }
    }

    @Entity(name = "Diary")
    @Table(name = "diary")
    public static class Diary {
        @Id Long id;
        @Enumerated(EnumType.STRING) @JdbcType(PostgreSQLEnumJdbcType.class) @Column(name = "mood") V1.Mood mood;
    }

    @Entity(name = "Diary")
    @Table(name = "diary")
    public static class DiaryCalm {
        @Id Long id;
        @Enumerated(EnumType.STRING) @JdbcType(PostgreSQLEnumJdbcType.class) @Column(name = "mood") V2.Mood mood;
    }

    /** Case 4: the enum column has a database default, and an array of the enum beside it. */
    @Entity(name = "Diary")
    @Table(name = "diary")
    public static class DiaryDefaulted {
        @Id Long id;
        @Enumerated(EnumType.STRING) @JdbcType(PostgreSQLEnumJdbcType.class) @ColumnDefault("'HAPPY'")
        @Column(name = "mood") V1.Mood mood;
        @Column(name = "moods", columnDefinition = "mood[]") String[] moods;
    }

    @Entity(name = "Diary")
    @Table(name = "diary")
    public static class DiaryDefaultedCalm {
        @Id Long id;
        @Enumerated(EnumType.STRING) @JdbcType(PostgreSQLEnumJdbcType.class) @ColumnDefault("'HAPPY'")
        @Column(name = "mood") V2.Mood mood;
        @Column(name = "moods", columnDefinition = "mood[]") String[] moods;
    }

    /** Case 5: identity instead of a sequence. */
    @Entity(name = "Basket")
    @Table(name = "basket")
    public static class BasketSequenced {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "basket_seq")
        @SequenceGenerator(name = "basket_seq", sequenceName = "basket_seq", allocationSize = 50) Long id;
        @Column(length = 40) String owner;
    }

    @Entity(name = "Basket")
    @Table(name = "basket")
    public static class BasketIdentity {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(length = 40) String owner;
    }

    /** Case 5: constraint and index renames, index sort order, precision, sequence rename and start. */
    @Entity(name = "Publisher")
    @Table(name = "publisher", uniqueConstraints = @UniqueConstraint(name = "uk_publisher_name", columnNames = "name"),
            indexes = @Index(name = "ix_publisher_city_founded", columnList = "city, founded_at"))
    public static class Publisher {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publisher_seq")
        @SequenceGenerator(name = "publisher_seq", sequenceName = "publisher_seq", allocationSize = 50) Long id;
        @Column(nullable = false, length = 80) String name;
        @Column(length = 80) String city;
        @Column(name = "founded_at") Instant foundedAt;
    }

    @Entity(name = "Publisher")
    @Table(name = "publisher", uniqueConstraints = @UniqueConstraint(name = "uq_publisher_name", columnNames = "name"),
            indexes = @Index(name = "ix_publisher_city_founded", columnList = "city, founded_at desc"))
    public static class PublisherRenamedAndSorted {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publisher_seq")
        @SequenceGenerator(name = "publisher_seq", sequenceName = "publisher_seq", allocationSize = 50) Long id;
        @Column(nullable = false, length = 80) String name;
        @Column(length = 80) String city;
        @Column(name = "founded_at") @FractionalSeconds(3) Instant foundedAt;
    }

    /** Case 5: an index renamed (same definition). */
    @Entity(name = "Publisher")
    @Table(name = "publisher", uniqueConstraints = @UniqueConstraint(name = "uk_publisher_name", columnNames = "name"),
            indexes = @Index(name = "ix_publisher_location", columnList = "city, founded_at"))
    public static class PublisherIndexRenamed {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publisher_seq")
        @SequenceGenerator(name = "publisher_seq", sequenceName = "publisher_seq", allocationSize = 50) Long id;
        @Column(nullable = false, length = 80) String name;
        @Column(length = 80) String city;
        @Column(name = "founded_at") Instant foundedAt;
    }

    /** Case 5: the sequence renamed (same parameters), then its start changed. */
    @Entity(name = "Publisher")
    @Table(name = "publisher", uniqueConstraints = @UniqueConstraint(name = "uk_publisher_name", columnNames = "name"),
            indexes = @Index(name = "ix_publisher_city_founded", columnList = "city, founded_at"))
    public static class PublisherSequenceRenamed {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publisher_id_seq")
        @SequenceGenerator(name = "publisher_id_seq", sequenceName = "publisher_id_seq", allocationSize = 50) Long id;
        @Column(nullable = false, length = 80) String name;
        @Column(length = 80) String city;
        @Column(name = "founded_at") Instant foundedAt;
    }

    @Entity(name = "Publisher")
    @Table(name = "publisher", uniqueConstraints = @UniqueConstraint(name = "uk_publisher_name", columnNames = "name"),
            indexes = @Index(name = "ix_publisher_city_founded", columnList = "city, founded_at"))
    public static class PublisherSequenceStart {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publisher_seq")
        @SequenceGenerator(name = "publisher_seq", sequenceName = "publisher_seq", allocationSize = 50, initialValue = 5000) Long id;
        @Column(nullable = false, length = 80) String name;
        @Column(length = 80) String city;
        @Column(name = "founded_at") Instant foundedAt;
    }

    /** Case 5: collation, comment and default of a column; a CHECK whose grouping changes. */
    @Entity(name = "Note")
    @Table(name = "note")
    @Check(name = "ck_note_flags", constraints = "(a or b) and c")
    public static class Note {
        @Id Long id;
        @Column(length = 50) String code;
        @Column(nullable = false) @ColumnDefault("0") Integer rank;
        boolean a;
        boolean b;
        boolean c;
    }

    @Entity(name = "Note")
    @Table(name = "note")
    @Check(name = "ck_note_flags", constraints = "a or b and c")
    public static class NoteChanged {
        @Id Long id;
        @Column(length = 50) @Collate("C") @Comment("the code, sorted bytewise") String code;
        @Column(nullable = false) @ColumnDefault("1") Integer rank;
        boolean a;
        boolean b;
        boolean c;
    }

    /** Case 1: Hibernate 6.6 writes a comment's apostrophe unescaped; PostgreSQL rejects the statement. */
    @Entity(name = "Note")
    @Table(name = "note")
    public static class NoteWithApostrophe {
        @Id Long id;
        @Column(length = 50) @Comment("the note's code") String code;
    }

    /** Case 5: an existing index made unique. */
    @Entity(name = "Note")
    @Table(name = "note", indexes = @Index(name = "ix_note_code", columnList = "code"))
    @Check(name = "ck_note_flags", constraints = "(a or b) and c")
    public static class NoteIndexed {
        @Id Long id;
        @Column(length = 50) String code;
        @Column(nullable = false) @ColumnDefault("0") Integer rank;
        boolean a;
        boolean b;
        boolean c;
    }

    @Entity(name = "Note")
    @Table(name = "note", indexes = @Index(name = "ix_note_code", columnList = "code", unique = true))
    @Check(name = "ck_note_flags", constraints = "(a or b) and c")
    public static class NoteUniqueIndex {
        @Id Long id;
        @Column(length = 50) String code;
        @Column(nullable = false) @ColumnDefault("0") Integer rank;
        boolean a;
        boolean b;
        boolean c;
    }
}
