package com.bookstore.db.core.mapping.generators;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Takes its ids from the generator its package declares. */
@Entity
@Table(name = "gadget")
public class Gadget {

    @Id
    @GeneratedValue(generator = "gadget_ids")
    private Long id;

    protected Gadget() {
    }
}
