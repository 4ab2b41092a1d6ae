package com.bookstore.db.migrations.hibernate;

import com.bookstore.db.core.spi.EntityContributor;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fixture entities covering the mappings the domain modules use. Their contributors are deliberately not declared in
 * {@code META-INF/services}: tests name them in the reference URL ({@code registry:bookstore?contributors=...}).
 */
public final class FixtureModel {

    private FixtureModel() {
    }

    /** The whole fixture model. */
    public static final class Contributor implements EntityContributor {
        @Override
        public String moduleName() {
            return "fixture";
        }

        @Override
        public List<Class<?>> entityClasses() {
            return List.of(Author.class, Book.class, Category.class, Publisher.class, Edition.class);
        }
    }

    /** {@link Publisher} only. */
    public static final class PublisherContributor implements EntityContributor {
        @Override
        public String moduleName() {
            return "fixture-publisher";
        }

        @Override
        public List<Class<?>> entityClasses() {
            return List.of(Publisher.class);
        }
    }

    /** {@link PublisherWithWebsite} only: the publisher table with one column more. */
    public static final class PublisherWithWebsiteContributor implements EntityContributor {
        @Override
        public String moduleName() {
            return "fixture-publisher-v2";
        }

        @Override
        public List<Class<?>> entityClasses() {
            return List.of(PublisherWithWebsite.class);
        }
    }

    /** {@link PublisherWithRequiredWebsite} only: the publisher table with {@code website} made not null. */
    public static final class PublisherWithRequiredWebsiteContributor implements EntityContributor {
        @Override
        public String moduleName() {
            return "fixture-publisher-v3";
        }

        @Override
        public List<Class<?>> entityClasses() {
            return List.of(PublisherWithRequiredWebsite.class);
        }
    }

    public enum Format { HARDCOVER, PAPERBACK, EBOOK }

    /** UUID id, a unique column, text. */
    @Entity(name = "FxAuthor")
    @Table(name = "fx_author")
    public static class Author {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        UUID id;

        @Column(nullable = false, unique = true)
        String email;

        @Column(columnDefinition = "text")
        String biography;

        @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
        String notes;
    }

    /** Identity id. */
    @Entity(name = "FxCategory")
    @Table(name = "fx_category")
    public static class Category {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, length = 100)
        String name;
    }

    @Embeddable
    public static class Dimensions {
        Integer widthMm;
        Integer heightMm;
    }

    /**
     * Sequence id and most column types, foreign keys (one with {@code on delete cascade}), named and conventionally
     * named indexes, a named unique constraint, an embeddable, an element collection and a many-to-many join table.
     */
    @Entity(name = "FxBook")
    @Table(name = "fx_book",
            indexes = {@Index(name = "ix_fx_book_title", columnList = "title"),
                       @Index(columnList = "published_at, format")},
            uniqueConstraints = @UniqueConstraint(name = "uk_fx_book_isbn", columnNames = "isbn"))
    public static class Book {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fx_book_seq")
        @SequenceGenerator(name = "fx_book_seq", sequenceName = "fx_book_seq", allocationSize = 50)
        Long id;

        @Column(nullable = false, length = 13)
        String isbn;

        @Column(nullable = false)
        String title;

        @Column(precision = 12, scale = 2, nullable = false)
        BigDecimal price;

        Instant publishedAt;

        @JdbcTypeCode(SqlTypes.JSON)
        String attributes;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 20)
        Format format;

        boolean available;

        @Column(columnDefinition = "text")
        String description;

        @Embedded
        Dimensions dimensions;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "author_id", nullable = false)
        @OnDelete(action = OnDeleteAction.CASCADE)
        Author author;

        @ElementCollection
        @CollectionTable(name = "fx_book_tag", joinColumns = @JoinColumn(name = "book_id"))
        @Column(name = "tag", nullable = false, length = 50)
        Set<String> tags = new HashSet<>();

        @ManyToMany
        @JoinTable(name = "fx_book_category",
                joinColumns = @JoinColumn(name = "book_id"),
                inverseJoinColumns = @JoinColumn(name = "category_id"))
        Set<Category> categories = new HashSet<>();
    }

    /** The remaining scalar types. */
    @Entity(name = "FxEdition")
    @Table(name = "fx_edition")
    public static class Edition {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Integer id;

        short volume;

        Double weightKg;

        Float rating;

        @JdbcTypeCode(SqlTypes.CHAR)
        @Column(length = 3, nullable = false)
        String languageCode;

        LocalDate releasedOn;

        LocalDateTime printedAt;

        LocalTime printTime;

        byte[] coverImage;

        @Version
        long version;
    }

    /** A plain table, in two versions. */
    @Entity(name = "FxPublisher")
    @Table(name = "fx_publisher")
    public static class Publisher {
        @Id
        Long id;

        @Column(nullable = false)
        String name;
    }

    /** {@link Publisher} with a new column, {@code website}, that the database does not have yet. */
    @Entity(name = "FxPublisherWithWebsite")
    @Table(name = "fx_publisher")
    public static class PublisherWithWebsite {
        @Id
        Long id;

        @Column(nullable = false)
        String name;

        @Column(length = 200)
        String website;
    }

    /** {@link PublisherWithWebsite} with {@code website} not null. */
    @Entity(name = "FxPublisherWithRequiredWebsite")
    @Table(name = "fx_publisher")
    public static class PublisherWithRequiredWebsite {
        @Id
        Long id;

        @Column(nullable = false)
        String name;

        @Column(length = 200, nullable = false)
        String website;
    }
}
