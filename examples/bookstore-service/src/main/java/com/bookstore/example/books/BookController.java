package com.bookstore.example.books;

import com.bookstore.domain.catalog.model.Book;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@code GET /books} and {@code GET /books/{isbn}}. */
@RestController
@RequestMapping("/books")
public class BookController {

    /** What the endpoints return for a book. */
    public record BookView(UUID id, String isbn, String title, BigDecimal price, String currency, int stock) {

        static BookView of(Book book) {
            return new BookView(book.getId(), book.getIsbn(), book.getTitle(), book.getPrice(), book.getCurrency(),
                    book.getStock());
        }
    }

    private final BookRepository books;

    public BookController(BookRepository books) {
        this.books = books;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<BookView> list() {
        return books.findAllByOrderByTitleAsc().stream().map(BookView::of).toList();
    }

    @GetMapping("/{isbn}")
    @Transactional(readOnly = true)
    public BookView byIsbn(@PathVariable String isbn) {
        return books.findByIsbn(isbn).map(BookView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No book with ISBN " + isbn));
    }
}
