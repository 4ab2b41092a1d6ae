package com.bookstore.domain.orders;

import com.bookstore.db.core.spi.EntityContributor;
import com.bookstore.domain.orders.model.Cart;
import com.bookstore.domain.orders.model.CartItem;
import com.bookstore.domain.orders.model.CustomerOrder;
import com.bookstore.domain.orders.model.OrderItem;
import com.bookstore.domain.orders.model.PreOrder;
import com.bookstore.domain.orders.model.WishlistItem;

import java.util.List;

/**
 * Plugs the orders entities into the shared entity registry. The entities reference auth and catalog entities, so a
 * registry with this contributor also needs {@code AuthEntities} and {@code CatalogEntities}, which
 * {@code EntityRegistry.discover()} finds on the class path.
 */
public final class OrdersEntities implements EntityContributor {

    @Override
    public String moduleName() {
        return "orders";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Cart.class, CartItem.class, CustomerOrder.class, OrderItem.class, WishlistItem.class,
                PreOrder.class);
    }
}
