package com.bookstore.domain.orders.model;

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
import org.hibernate.annotations.Check;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.util.Objects;

/**
 * A line of a {@link Cart}: a book and how many copies. A book appears once per cart
 * ({@code uk_cart_item_cart_id_book_id}); adding it again raises the quantity. No price is stored: a cart shows
 * the current catalog price, the order takes a snapshot.
 */
@Entity
@Table(name = "cart_item",
        uniqueConstraints = @UniqueConstraint(name = "uk_cart_item_cart_id_book_id",
                columnNames = {"cart_id", "book_id"}),
        indexes = @Index(name = "ix_cart_item_book_id", columnList = "book_id"))
@Check(name = "ck_cart_item_quantity", constraints = "quantity > 0")
public class CartItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cart_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_cart_item_cart_id"))
    private Cart cart;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "book_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_cart_item_book_id"))
    private Book book;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @CreationTimestamp
    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected CartItem() {
        // for JPA
    }

    /** Created through {@link Cart#add(Book, int)}, which keeps one line per book. */
    CartItem(Cart cart, Book book, int quantity) {
        this.cart = Objects.requireNonNull(cart, "cart");
        this.book = Objects.requireNonNull(book, "book");
        this.quantity = requirePositive(quantity);
    }

    private static int requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        return quantity;
    }

    void increaseBy(int more) {
        quantity = Math.addExact(quantity, requirePositive(more));
    }

    public void changeQuantity(int newQuantity) {
        quantity = requirePositive(newQuantity);
    }

    public Long getId() {
        return id;
    }

    public Cart getCart() {
        return cart;
    }

    public Book getBook() {
        return book;
    }

    public int getQuantity() {
        return quantity;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CartItem that)) {
            return false;
        }
        return id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return CartItem.class.hashCode();
    }

    @Override
    public String toString() {
        return "CartItem[id=" + id + ", quantity=" + quantity + "]";
    }
}
