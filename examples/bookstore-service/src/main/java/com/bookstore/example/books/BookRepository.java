package com.bookstore.example.books;

import com.bookstore.domain.catalog.model.Book;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The catalogue's books (entity of domain-catalog). */
public interface BookRepository extends JpaRepository<Book, UUID> {

    Optional<Book> findByIsbn(String isbn);

    List<Book> findAllByOrderByTitleAsc();
}
