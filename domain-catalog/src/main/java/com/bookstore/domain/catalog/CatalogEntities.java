package com.bookstore.domain.catalog;

import com.bookstore.db.core.spi.EntityContributor;
import com.bookstore.domain.catalog.model.Author;
import com.bookstore.domain.catalog.model.Book;
import com.bookstore.domain.catalog.model.Category;
import com.bookstore.domain.catalog.model.Publisher;

import java.util.List;

/**
 * Plugs the catalog entities into the shared entity registry. The list is explicit so that adding an entity is a
 * visible, reviewed change of what the runtime maps and the migrations diff.
 */
public final class CatalogEntities implements EntityContributor {

    @Override
    public String moduleName() {
        return "catalog";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Author.class, Publisher.class, Category.class, Book.class);
    }
}
