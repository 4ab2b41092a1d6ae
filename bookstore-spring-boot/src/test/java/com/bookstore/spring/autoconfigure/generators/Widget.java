package com.bookstore.spring.autoconfigure.generators;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Takes its ids from the generator its package declares. */
@Entity
@Table(name = "widget")
public class Widget {

    @Id
    @GeneratedValue(generator = "widget_ids")
    private Long id;

    protected Widget() {
    }
}
