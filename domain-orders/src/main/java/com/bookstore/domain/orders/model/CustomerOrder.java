package com.bookstore.domain.orders.model;

import com.bookstore.domain.auth.model.UserAccount;
import com.bookstore.domain.catalog.model.Book;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A placed order ({@code customer_order}, since {@code order} is an SQL keyword). It snapshots what was sold: unit
 * prices and titles in its {@link OrderItem items}, the {@link ShippingAddress address} in its own columns and the
 * totals, all in one currency, so that catalog or profile changes never alter an order afterwards. The id is a UUID
 * because it is shown to customers and must not reveal order volumes. Versioned: payment callbacks, shipping and
 * customer cancellation race on the status.
 */
@Entity
@Table(name = "customer_order", indexes = {
        @Index(name = "ix_customer_order_user_id_placed_at", columnList = "user_id, placed_at"),
        @Index(name = "ix_customer_order_status", columnList = "status")
})
@Check(name = "ck_customer_order_totals",
        constraints = "subtotal >= 0 and shipping_fee >= 0 and total = subtotal + shipping_fee")
public class CustomerOrder {

    private static final Set<OrderStatus> CANCELLABLE = EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_customer_order_user_id"))
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private OrderStatus status;

    /** ISO 4217 code of every amount of the order. */
    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "subtotal", nullable = false, precision = 12, scale = 2)
    private BigDecimal subtotal;

    @Column(name = "shipping_fee", nullable = false, precision = 12, scale = 2)
    private BigDecimal shippingFee;

    @Column(name = "total", nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @Embedded
    @AttributeOverride(name = "recipientName",
            column = @Column(name = "shipping_recipient_name", nullable = false, length = 200))
    @AttributeOverride(name = "line1", column = @Column(name = "shipping_line1", nullable = false, length = 200))
    @AttributeOverride(name = "line2", column = @Column(name = "shipping_line2", length = 200))
    @AttributeOverride(name = "city", column = @Column(name = "shipping_city", nullable = false, length = 100))
    @AttributeOverride(name = "postalCode",
            column = @Column(name = "shipping_postal_code", nullable = false, length = 20))
    @AttributeOverride(name = "country", column = @Column(name = "shipping_country", nullable = false, length = 2))
    private ShippingAddress shippingAddress;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<OrderItem> items = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CustomerOrder() {
        // for JPA
    }

    /** An empty order awaiting payment; add items before it is paid. */
    public CustomerOrder(UserAccount user, ShippingAddress shippingAddress, String currency, Instant placedAt) {
        this.user = Objects.requireNonNull(user, "user");
        this.shippingAddress = Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(currency, "currency");
        if (currency.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
        this.currency = currency.toUpperCase(Locale.ROOT);
        this.placedAt = Objects.requireNonNull(placedAt, "placedAt");
        this.status = OrderStatus.PENDING_PAYMENT;
        this.subtotal = BigDecimal.ZERO.setScale(2);
        this.shippingFee = BigDecimal.ZERO.setScale(2);
        this.total = BigDecimal.ZERO.setScale(2);
    }

    /**
     * Adds copies of a book at its current catalog price, which the item keeps from then on. A book already in the
     * order gets its quantity raised at the price first taken.
     */
    public OrderItem addItem(Book book, int quantity) {
        requireStatus(OrderStatus.PENDING_PAYMENT, "add items");
        if (!currency.equals(book.getCurrency())) {
            throw new IllegalArgumentException("book " + book.getIsbn() + " is priced in " + book.getCurrency()
                    + ", the order in " + currency);
        }
        Optional<OrderItem> existing = items.stream().filter(item -> item.getBook().equals(book)).findFirst();
        OrderItem item;
        if (existing.isPresent()) {
            item = existing.get();
            item.increaseBy(quantity);
        } else {
            item = new OrderItem(this, book, quantity);
            items.add(item);
        }
        recalculate();
        return item;
    }

    public void chargeShipping(BigDecimal fee) {
        requireStatus(OrderStatus.PENDING_PAYMENT, "change the shipping fee");
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("shipping fee must not be negative: " + fee);
        }
        this.shippingFee = fee.setScale(2, RoundingMode.HALF_UP);
        recalculate();
    }

    private void recalculate() {
        subtotal = items.stream().map(OrderItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        total = subtotal.add(shippingFee);
    }

    public void markPaid() {
        requireStatus(OrderStatus.PENDING_PAYMENT, "mark it paid");
        if (items.isEmpty()) {
            throw new IllegalStateException("an empty order cannot be paid");
        }
        status = OrderStatus.PAID;
    }

    public void ship() {
        requireStatus(OrderStatus.PAID, "ship it");
        status = OrderStatus.SHIPPED;
    }

    public void markDelivered() {
        requireStatus(OrderStatus.SHIPPED, "mark it delivered");
        status = OrderStatus.DELIVERED;
    }

    public void cancel() {
        if (!CANCELLABLE.contains(status)) {
            throw new IllegalStateException("order " + id + " is " + status + " and can no longer be cancelled");
        }
        status = OrderStatus.CANCELLED;
    }

    private void requireStatus(OrderStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + action + ": order " + id + " is " + status);
        }
    }

    public UUID getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public BigDecimal getShippingFee() {
        return shippingFee;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public ShippingAddress getShippingAddress() {
        return shippingAddress;
    }

    public List<OrderItem> getItems() {
        return Collections.unmodifiableList(items);
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CustomerOrder that)) {
            return false;
        }
        return id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return CustomerOrder.class.hashCode();
    }

    @Override
    public String toString() {
        return "CustomerOrder[id=" + id + ", status=" + status + ", total=" + total + " " + currency + "]";
    }
}
