package com.bookstore.example.orders;

import com.bookstore.domain.orders.model.CustomerOrder;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders with their items (entities of domain-orders, referencing domain-catalog books and domain-auth users). */
public interface CustomerOrderRepository extends JpaRepository<CustomerOrder, UUID> {

    /** The order with its user, items and their books, in one query. */
    @EntityGraph(attributePaths = {"user", "items", "items.book"})
    Optional<CustomerOrder> findWithItemsById(UUID id);

    List<CustomerOrder> findByUserIdOrderByPlacedAtDesc(UUID userId);
}
