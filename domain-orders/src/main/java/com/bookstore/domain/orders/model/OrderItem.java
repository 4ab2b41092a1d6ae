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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Check;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A line of a {@link CustomerOrder}, created and removed only through it (cascade from the order). It keeps the unit
 * price and title the book had when ordered; the foreign key to the book stays for reporting and returns. Sequence
 * ids (pooled by 50) let Hibernate batch the inserts of an order's lines.
 */
@Entity
@Table(name = "order_item",
        uniqueConstraints = @UniqueConstraint(name = "uk_order_item_order_id_book_id",
                columnNames = {"order_id", "book_id"}),
        indexes = @Index(name = "ix_order_item_book_id", columnList = "book_id"))
@Check(name = "ck_order_item_quantity", constraints = "quantity > 0")
@Check(name = "ck_order_item_unit_price", constraints = "unit_price >= 0")
public class OrderItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_item_seq")
    @SequenceGenerator(name = "order_item_seq", sequenceName = "order_item_seq", allocationSize = 50)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_order_item_order_id"))
    private CustomerOrder order;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "book_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_order_item_book_id"))
    private Book book;

    @Column(name = "book_title", nullable = false, updatable = false, length = 500)
    private String bookTitle;

    @Column(name = "unit_price", nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal unitPrice;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    protected OrderItem() {
        // for JPA
    }

    /** Created through {@link CustomerOrder#addItem(Book, int)}, which keeps the totals right. */
    OrderItem(CustomerOrder order, Book book, int quantity) {
        this.order = Objects.requireNonNull(order, "order");
        this.book = Objects.requireNonNull(book, "book");
        this.bookTitle = book.getTitle();
        this.unitPrice = book.getPrice();
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

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public Long getId() {
        return id;
    }

    public CustomerOrder getOrder() {
        return order;
    }

    public Book getBook() {
        return book;
    }

    public String getBookTitle() {
        return bookTitle;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public int getQuantity() {
        return quantity;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof OrderItem that)) {
            return false;
        }
        return id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return OrderItem.class.hashCode();
    }

    @Override
    public String toString() {
        return "OrderItem[id=" + id + ", quantity=" + quantity + ", unitPrice=" + unitPrice + "]";
    }
}
