package com.bookstore.domain.catalog.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.Length;

import java.util.Objects;

/**
 * A person credited on books. Names are not unique (two authors may share one), so there is no natural key: identity is
 * the database-generated id. Authors are created one at a time by editors, so an identity column costs nothing.
 */
@Entity
@Table(name = "author", indexes = @Index(name = "ix_author_full_name", columnList = "full_name"))
public class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    /**
     * Free text of any length: {@code text}. {@code Length.LONG32} is Hibernate's idiom for it;
     * {@code SqlTypes.LONGVARCHAR} would give varchar(32600), and {@code SqlTypes.LONG32VARCHAR} gives text but
     * cannot bind {@code null} on pgjdbc.
     */
    @Column(name = "biography", length = Length.LONG32)
    private String biography;

    protected Author() {
        // for JPA
    }

    public Author(String fullName) {
        rename(fullName);
    }

    public void rename(String newFullName) {
        Objects.requireNonNull(newFullName, "newFullName");
        if (newFullName.isBlank()) {
            throw new IllegalArgumentException("fullName must not be blank");
        }
        this.fullName = newFullName;
    }

    public void writeBiography(String newBiography) {
        this.biography = newBiography;
    }

    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public String getBiography() {
        return biography;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Author that)) {
            return false;
        }
        return id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Author.class.hashCode();
    }

    @Override
    public String toString() {
        return "Author[id=" + id + ", " + fullName + "]";
    }
}
