package com.bookstore.domain.catalog.model;

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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node of the browsing tree ("Fiction &gt; Science fiction"). The tree is an adjacency list: each category points to
 * its parent ({@code fk_category_parent_id}, indexed for "children of"). The slug is the URL key: unique, immutable,
 * and therefore the natural key equality is based on.
 */
@Entity
@Table(name = "category",
        uniqueConstraints = @UniqueConstraint(name = "uk_category_slug", columnNames = "slug"),
        indexes = @Index(name = "ix_category_parent_id", columnList = "parent_id"))
public class Category {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_seq")
    @SequenceGenerator(name = "category_seq", sequenceName = "category_seq", allocationSize = 50)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "slug", nullable = false, updatable = false, length = 100)
    private String slug;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id", foreignKey = @ForeignKey(name = "fk_category_parent_id"))
    private Category parent;

    @OneToMany(mappedBy = "parent")
    @OrderBy("name")
    private List<Category> children = new ArrayList<>();

    protected Category() {
        // for JPA
    }

    /** A root category. */
    public Category(String slug, String name) {
        Objects.requireNonNull(slug, "slug");
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("slug must be lower-case words joined by '-': " + slug);
        }
        this.slug = slug;
        rename(name);
    }

    /** A new category under this one. */
    public Category addChild(String childSlug, String childName) {
        Category child = new Category(childSlug, childName);
        child.parent = this;
        children.add(child);
        return child;
    }

    /** Moves this category (with its subtree) under {@code newParent}, or to the top when {@code null}. */
    public void moveTo(Category newParent) {
        for (Category ancestor = newParent; ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor.equals(this)) {
                throw new IllegalArgumentException("cannot move " + slug + " below itself");
            }
        }
        if (parent != null) {
            parent.children.remove(this);
        }
        parent = newParent;
        if (newParent != null) {
            newParent.children.add(this);
        }
    }

    public void rename(String newName) {
        Objects.requireNonNull(newName, "newName");
        if (newName.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = newName;
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** The slugs from the root down to this category, e.g. {@code [fiction, science-fiction]}. */
    public List<String> path() {
        List<String> path = new ArrayList<>();
        for (Category c = this; c != null; c = c.getParent()) {
            path.add(0, c.getSlug());
        }
        return path;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public Category getParent() {
        return parent;
    }

    public List<Category> getChildren() {
        return Collections.unmodifiableList(children);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Category that)) {
            return false;
        }
        return slug.equals(that.getSlug());
    }

    @Override
    public int hashCode() {
        return slug.hashCode();
    }

    @Override
    public String toString() {
        return "Category[" + slug + "]";
    }
}
