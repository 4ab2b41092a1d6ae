package com.bookstore.domain.catalog.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.util.Objects;

/**
 * The company that publishes a book. Its name is unique ({@code uk_publisher_name}) so that imports find the existing
 * publisher instead of creating a duplicate; it can still be corrected, so identity is the generated id.
 */
@Entity
@Table(name = "publisher", uniqueConstraints = @UniqueConstraint(name = "uk_publisher_name", columnNames = "name"))
public class Publisher {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "website_url", length = 2048)
    private String websiteUrl;

    protected Publisher() {
        // for JPA
    }

    public Publisher(String name, String websiteUrl) {
        rename(name);
        this.websiteUrl = websiteUrl;
    }

    public void rename(String newName) {
        Objects.requireNonNull(newName, "newName");
        if (newName.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = newName;
    }

    public void changeWebsiteUrl(String newWebsiteUrl) {
        this.websiteUrl = newWebsiteUrl;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getWebsiteUrl() {
        return websiteUrl;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Publisher that)) {
            return false;
        }
        return id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Publisher.class.hashCode();
    }

    @Override
    public String toString() {
        return "Publisher[id=" + id + ", " + name + "]";
    }
}
