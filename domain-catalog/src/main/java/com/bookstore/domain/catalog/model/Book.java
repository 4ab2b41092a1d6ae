package com.bookstore.domain.catalog.model;

import com.bookstore.domain.catalog.mapping.JsonbTextJdbcType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import org.hibernate.Length;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.JdbcType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A sellable edition, identified for the outside world by its ISBN-13.
 *
 * <p>The ISBN is the natural key (unique, immutable, the basis of equality); the UUID id is what other tables
 * reference, so that a mistyped ISBN can never ripple through foreign keys. Versioned because price and stock are
 * edited concurrently by back office and order processing; a lost stock update would oversell. Free-form, per-format
 * details (pages, dimensions, narrator of an audio book) live in the {@code attributes} jsonb column instead of
 * sparse columns.
 */
@Entity
@Table(name = "book",
        uniqueConstraints = @UniqueConstraint(name = "uk_book_isbn", columnNames = "isbn"),
        indexes = {
                @Index(name = "ix_book_title", columnList = "title"),
                @Index(name = "ix_book_publication_date", columnList = "publication_date"),
                @Index(name = "ix_book_publisher_id", columnList = "publisher_id")
        })
@Check(name = "ck_book_price", constraints = "price >= 0")
@Check(name = "ck_book_stock", constraints = "stock >= 0")
public class Book {

    private static final Pattern ISBN_13 = Pattern.compile("97[89][0-9]{10}");

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    /** ISBN-13 digits only, without hyphens. */
    @Column(name = "isbn", nullable = false, updatable = false, length = 13)
    private String isbn;

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    /**
     * Blurb of any length: {@code text}. {@code Length.LONG32} is Hibernate's idiom for it;
     * {@code SqlTypes.LONGVARCHAR} would give varchar(32600), and {@code SqlTypes.LONG32VARCHAR} gives text but
     * cannot bind {@code null} on pgjdbc.
     */
    @Column(name = "description", length = Length.LONG32)
    private String description;

    @Column(name = "price", nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    /** ISO 4217 code, e.g. {@code EUR}. */
    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    /** Unknown for some announced titles; a future date marks a book that can only be pre-ordered. */
    @Column(name = "publication_date")
    private LocalDate publicationDate;

    @Column(name = "stock", nullable = false)
    private int stock;

    /** A JSON object as text; stored as jsonb, so PostgreSQL validates it and it can be queried and indexed. */
    @JdbcType(JsonbTextJdbcType.class)
    @Column(name = "attributes")
    private String attributes;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "publisher_id", foreignKey = @ForeignKey(name = "fk_book_publisher_id"))
    private Publisher publisher;

    /**
     * The join table's primary key is {@code (book_id, author_id)}, serving "authors of this book";
     * {@code ix_book_author_author_id} serves "books of an author". Same for {@code book_category}. Hibernate 6.6
     * orders primary key columns by type size, so the order would differ between registries; a unique constraint over
     * exactly the key columns is folded into the primary key instead, fixing the order, and its name becomes the
     * key's name.
     */
    @ManyToMany
    @JoinTable(name = "book_author",
            joinColumns = @JoinColumn(name = "book_id", nullable = false,
                    foreignKey = @ForeignKey(name = "fk_book_author_book_id")),
            inverseJoinColumns = @JoinColumn(name = "author_id", nullable = false,
                    foreignKey = @ForeignKey(name = "fk_book_author_author_id")),
            uniqueConstraints = @UniqueConstraint(name = "book_author_pkey", columnNames = {"book_id", "author_id"}),
            indexes = @Index(name = "ix_book_author_author_id", columnList = "author_id"))
    private Set<Author> authors = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "book_category",
            joinColumns = @JoinColumn(name = "book_id", nullable = false,
                    foreignKey = @ForeignKey(name = "fk_book_category_book_id")),
            inverseJoinColumns = @JoinColumn(name = "category_id", nullable = false,
                    foreignKey = @ForeignKey(name = "fk_book_category_category_id")),
            uniqueConstraints = @UniqueConstraint(name = "book_category_pkey",
                    columnNames = {"book_id", "category_id"}),
            indexes = @Index(name = "ix_book_category_category_id", columnList = "category_id"))
    private Set<Category> categories = new HashSet<>();

    /** Lower-case search tags; a value type owned by the book, so an element collection rather than an entity. */
    @ElementCollection
    @CollectionTable(name = "book_tag",
            joinColumns = @JoinColumn(name = "book_id", nullable = false),
            foreignKey = @ForeignKey(name = "fk_book_tag_book_id"),
            uniqueConstraints = @UniqueConstraint(name = "book_tag_pkey", columnNames = {"book_id", "tag"}),
            indexes = @Index(name = "ix_book_tag_tag", columnList = "tag"))
    @Column(name = "tag", nullable = false, length = 50)
    private Set<String> tags = new HashSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Book() {
        // for JPA
    }

    public Book(String isbn, String title, BigDecimal price, String currency) {
        Objects.requireNonNull(isbn, "isbn");
        String digits = isbn.replace("-", "").strip();
        if (!ISBN_13.matcher(digits).matches() || !hasValidCheckDigit(digits)) {
            throw new IllegalArgumentException("not a valid ISBN-13: " + isbn);
        }
        this.isbn = digits;
        retitle(title);
        reprice(price, currency);
    }

    private static boolean hasValidCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == digits.charAt(12) - '0';
    }

    public void retitle(String newTitle) {
        Objects.requireNonNull(newTitle, "newTitle");
        if (newTitle.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        this.title = newTitle;
    }

    public void describe(String newDescription) {
        this.description = newDescription;
    }

    /** Sets the price, rounded half-up to cents. */
    public void reprice(BigDecimal newPrice, String newCurrency) {
        Objects.requireNonNull(newPrice, "newPrice");
        Objects.requireNonNull(newCurrency, "newCurrency");
        if (newPrice.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative: " + newPrice);
        }
        if (newCurrency.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + newCurrency);
        }
        this.price = newPrice.setScale(2, RoundingMode.HALF_UP);
        this.currency = newCurrency.toUpperCase(Locale.ROOT);
    }

    public void schedulePublication(LocalDate date) {
        this.publicationDate = date;
    }

    /** Whether the book can be shipped on {@code day}, as opposed to only pre-ordered. */
    public boolean isPublishedOn(LocalDate day) {
        return publicationDate != null && !publicationDate.isAfter(day);
    }

    public void restock(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        this.stock += quantity;
    }

    /** Takes {@code quantity} copies out of stock; fails rather than going negative. */
    public void withdrawStock(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (quantity > stock) {
            throw new IllegalStateException(
                    "only " + stock + " copies of " + isbn + " in stock, " + quantity + " asked");
        }
        this.stock -= quantity;
    }

    /** Replaces the attributes with a JSON object given as text; PostgreSQL rejects malformed JSON. */
    public void replaceAttributes(String attributesJson) {
        this.attributes = attributesJson;
    }

    public void publishWith(Publisher newPublisher) {
        this.publisher = newPublisher;
    }

    public void addAuthor(Author author) {
        authors.add(Objects.requireNonNull(author, "author"));
    }

    public void removeAuthor(Author author) {
        authors.remove(author);
    }

    public void classifyUnder(Category category) {
        categories.add(Objects.requireNonNull(category, "category"));
    }

    public void declassifyFrom(Category category) {
        categories.remove(category);
    }

    public void tag(String tag) {
        Objects.requireNonNull(tag, "tag");
        String normalized = tag.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > 50) {
            throw new IllegalArgumentException("a tag has 1 to 50 characters: " + tag);
        }
        tags.add(normalized);
    }

    public void untag(String tag) {
        tags.remove(tag.strip().toLowerCase(Locale.ROOT));
    }

    public UUID getId() {
        return id;
    }

    public String getIsbn() {
        return isbn;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getPublicationDate() {
        return publicationDate;
    }

    public int getStock() {
        return stock;
    }

    public String getAttributes() {
        return attributes;
    }

    public Publisher getPublisher() {
        return publisher;
    }

    public Set<Author> getAuthors() {
        return Collections.unmodifiableSet(authors);
    }

    public Set<Category> getCategories() {
        return Collections.unmodifiableSet(categories);
    }

    public Set<String> getTags() {
        return Collections.unmodifiableSet(tags);
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Book that)) {
            return false;
        }
        return isbn.equals(that.getIsbn());
    }

    @Override
    public int hashCode() {
        return isbn.hashCode();
    }

    @Override
    public String toString() {
        return "Book[" + isbn + ", " + title + "]";
    }
}
