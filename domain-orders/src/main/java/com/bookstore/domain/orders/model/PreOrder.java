package com.bookstore.domain.orders.model;

import com.bookstore.domain.auth.model.UserAccount;
import com.bookstore.domain.catalog.model.Book;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A reservation of copies of a book that is not published yet, turned into an order on publication day. The
 * {@code (book_id, status)} index serves that release-day job ("all reserved pre-orders of this book"). Versioned
 * because the job and a customer cancelling may touch the same pre-order at once.
 */
@Entity
@Table(name = "pre_order", indexes = {
        @Index(name = "ix_pre_order_book_id_status", columnList = "book_id, status"),
        @Index(name = "ix_pre_order_user_id", columnList = "user_id")
})
@Check(name = "ck_pre_order_quantity", constraints = "quantity > 0")
public class PreOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pre_order_seq")
    @SequenceGenerator(name = "pre_order_seq", sequenceName = "pre_order_seq", allocationSize = 50)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_pre_order_user_id"))
    private UserAccount user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "book_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_pre_order_book_id"))
    private Book book;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private PreOrderStatus status;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PreOrder() {
        // for JPA
    }

    /** Reserves copies of a book that is not yet published on {@code today}. */
    public PreOrder(UserAccount user, Book book, int quantity, LocalDate today) {
        this.user = Objects.requireNonNull(user, "user");
        this.book = Objects.requireNonNull(book, "book");
        if (book.isPublishedOn(today)) {
            throw new IllegalArgumentException("book " + book.getIsbn() + " is already published; order it instead");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        this.quantity = quantity;
        this.status = PreOrderStatus.RESERVED;
    }

    public void fulfil() {
        requireReserved();
        status = PreOrderStatus.FULFILLED;
    }

    public void cancel() {
        requireReserved();
        status = PreOrderStatus.CANCELLED;
    }

    private void requireReserved() {
        if (status != PreOrderStatus.RESERVED) {
            throw new IllegalStateException("pre-order " + id + " is already " + status);
        }
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public Book getBook() {
        return book;
    }

    public int getQuantity() {
        return quantity;
    }

    public PreOrderStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PreOrder that)) {
            return false;
        }
        return id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return PreOrder.class.hashCode();
    }

    @Override
    public String toString() {
        return "PreOrder[id=" + id + ", status=" + status + "]";
    }
}
