package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.spi.EntityContributor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.List;

/**
 * The small model that the changelog {@code failures/race} creates, changeset by changeset (with a slow changeset
 * between the two tables), so that {@code check --url} can confirm that eight concurrent upgrades built exactly it.
 */
public class RaceModel implements EntityContributor {

    @Override
    public String moduleName() {
        return "race";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(RaceShelf.class, RaceBook.class);
    }

    /** First table. */
    @Entity
    @Table(name = "race_shelf")
    public static class RaceShelf {
        @Id
        Long id;

        @Column(nullable = false, length = 80)
        String label;
    }

    /** Second table, after the slow changeset, with a foreign key to the first. */
    @Entity
    @Table(name = "race_book")
    public static class RaceBook {
        @Id
        Long id;

        @Column(nullable = false, length = 200)
        String title;

        @ManyToOne
        @JoinColumn(name = "shelf_id", foreignKey = @ForeignKey(name = "fk_race_book_shelf"))
        RaceShelf shelf;
    }
}
