package com.bookstore.domain.orders.model;

import com.bookstore.domain.auth.model.UserAccount;
import com.bookstore.domain.catalog.model.Book;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The books a customer is about to buy. One cart per account ({@code uk_cart_user_id}), kept across sessions and
 * devices; it owns its items (cascade, orphan removal). Versioned because the same cart is edited from several
 * browser tabs or devices at once.
 */
@Entity
@Table(name = "cart", uniqueConstraints = @UniqueConstraint(name = "uk_cart_user_id", columnNames = "user_id"))
public class Cart {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cart_seq")
    @SequenceGenerator(name = "cart_seq", sequenceName = "cart_seq", allocationSize = 50)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_cart_user_id"))
    private UserAccount user;

    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CartItem> items = new ArrayList<>();

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Cart() {
        // for JPA
    }

    public Cart(UserAccount user) {
        this.user = Objects.requireNonNull(user, "user");
    }

    /** Adds copies of a book, to its existing line if there is one. */
    public CartItem add(Book book, int quantity) {
        Optional<CartItem> existing = itemFor(book);
        if (existing.isPresent()) {
            existing.get().increaseBy(quantity);
            return existing.get();
        }
        CartItem item = new CartItem(this, book, quantity);
        items.add(item);
        return item;
    }

    public void remove(Book book) {
        items.removeIf(item -> item.getBook().equals(book));
    }

    public void clear() {
        items.clear();
    }

    public Optional<CartItem> itemFor(Book book) {
        return items.stream().filter(item -> item.getBook().equals(book)).findFirst();
    }

    public int totalQuantity() {
        return items.stream().mapToInt(CartItem::getQuantity).sum();
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public List<CartItem> getItems() {
        return Collections.unmodifiableList(items);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Cart that)) {
            return false;
        }
        return id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Cart.class.hashCode();
    }

    @Override
    public String toString() {
        return "Cart[id=" + id + ", items=" + items.size() + "]";
    }
}
