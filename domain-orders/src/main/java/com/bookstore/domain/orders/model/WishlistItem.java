package com.bookstore.domain.orders.model;

import com.bookstore.domain.auth.model.UserAccount;
import com.bookstore.domain.catalog.model.Book;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.util.Objects;

/**
 * A book a customer wants to remember. A book is on a customer's list at most once
 * ({@code uk_wishlist_item_user_id_book_id}, which also serves "the list of this user"); the book index serves
 * "notify everyone who wished for this book".
 */
@Entity
@Table(name = "wishlist_item",
        uniqueConstraints = @UniqueConstraint(name = "uk_wishlist_item_user_id_book_id",
                columnNames = {"user_id", "book_id"}),
        indexes = @Index(name = "ix_wishlist_item_book_id", columnList = "book_id"))
public class WishlistItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_wishlist_item_user_id"))
    private UserAccount user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "book_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_wishlist_item_book_id"))
    private Book book;

    @CreationTimestamp
    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected WishlistItem() {
        // for JPA
    }

    public WishlistItem(UserAccount user, Book book) {
        this.user = Objects.requireNonNull(user, "user");
        this.book = Objects.requireNonNull(book, "book");
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

    public Instant getAddedAt() {
        return addedAt;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof WishlistItem that)) {
            return false;
        }
        return id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return WishlistItem.class.hashCode();
    }

    @Override
    public String toString() {
        return "WishlistItem[id=" + id + "]";
    }
}
