package com.bookstore.domain.orders.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Locale;
import java.util.Objects;

/**
 * Where an order goes, copied into the order when it is placed: later changes to the customer's address book must not
 * redirect an order already paid for. A value: immutable, compared by its fields. The embedding entity names the
 * columns (see {@link CustomerOrder}).
 */
@Embeddable
public class ShippingAddress {

    @Column(name = "recipient_name", nullable = false, length = 200)
    private String recipientName;

    @Column(name = "line1", nullable = false, length = 200)
    private String line1;

    @Column(name = "line2", length = 200)
    private String line2;

    @Column(name = "city", nullable = false, length = 100)
    private String city;

    @Column(name = "postal_code", nullable = false, length = 20)
    private String postalCode;

    /** ISO 3166-1 alpha-2, e.g. {@code DE}. */
    @Column(name = "country", nullable = false, length = 2)
    private String country;

    protected ShippingAddress() {
        // for JPA
    }

    public ShippingAddress(String recipientName, String line1, String line2, String city, String postalCode,
            String country) {
        this.recipientName = Objects.requireNonNull(recipientName, "recipientName");
        this.line1 = Objects.requireNonNull(line1, "line1");
        this.line2 = line2;
        this.city = Objects.requireNonNull(city, "city");
        this.postalCode = Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(country, "country");
        if (country.length() != 2) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code: " + country);
        }
        this.country = country.toUpperCase(Locale.ROOT);
    }

    public String getRecipientName() {
        return recipientName;
    }

    public String getLine1() {
        return line1;
    }

    public String getLine2() {
        return line2;
    }

    public String getCity() {
        return city;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCountry() {
        return country;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ShippingAddress that)) {
            return false;
        }
        return recipientName.equals(that.recipientName) && line1.equals(that.line1)
                && Objects.equals(line2, that.line2) && city.equals(that.city)
                && postalCode.equals(that.postalCode) && country.equals(that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipientName, line1, line2, city, postalCode, country);
    }

    @Override
    public String toString() {
        return "ShippingAddress[" + city + ", " + country + "]";
    }
}
