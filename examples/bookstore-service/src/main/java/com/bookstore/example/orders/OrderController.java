package com.bookstore.example.orders;

import com.bookstore.domain.orders.model.CustomerOrder;
import com.bookstore.domain.orders.model.OrderItem;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /orders/{id}}: an order with its items. */
@RestController
@RequestMapping("/orders")
public class OrderController {

    /** An order line as the endpoint returns it. */
    public record ItemView(String isbn, String title, int quantity, BigDecimal unitPrice) {

        static ItemView of(OrderItem item) {
            return new ItemView(item.getBook().getIsbn(), item.getBookTitle(), item.getQuantity(), item.getUnitPrice());
        }
    }

    /** An order as the endpoint returns it. */
    public record OrderView(UUID id, String customerEmail, String status, Instant placedAt, String currency,
            BigDecimal subtotal, BigDecimal shippingFee, BigDecimal total, List<ItemView> items) {

        static OrderView of(CustomerOrder order) {
            return new OrderView(order.getId(), order.getUser().getEmail(), order.getStatus().name(),
                    order.getPlacedAt(), order.getCurrency(), order.getSubtotal(), order.getShippingFee(),
                    order.getTotal(), order.getItems().stream().map(ItemView::of).toList());
        }
    }

    private final CustomerOrderRepository orders;

    public OrderController(CustomerOrderRepository orders) {
        this.orders = orders;
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    public OrderView byId(@PathVariable UUID id) {
        return orders.findWithItemsById(id).map(OrderView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + id));
    }
}
