package com.bookstore.domain.auth.model;

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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Links an account to its identity at an external provider ("sign in with ..."). A provider's user id identifies
 * one of our accounts at most, hence {@code uk_oauth_account_provider_provider_user_id}; it is also the lookup done
 * at every external sign-in.
 */
@Entity
@Table(name = "oauth_account",
        uniqueConstraints = @UniqueConstraint(name = "uk_oauth_account_provider_provider_user_id",
                columnNames = {"provider", "provider_user_id"}),
        indexes = @Index(name = "ix_oauth_account_user_id", columnList = "user_id"))
public class OAuthAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oauth_account_seq")
    @SequenceGenerator(name = "oauth_account_seq", sequenceName = "oauth_account_seq", allocationSize = 50)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false,
            foreignKey = @ForeignKey(name = "fk_oauth_account_user_id"))
    private UserAccount user;

    /** Lower-case provider key, e.g. {@code google}; a string rather than an enum so a provider needs no migration. */
    @Column(name = "provider", nullable = false, updatable = false, length = 40)
    private String provider;

    @Column(name = "provider_user_id", nullable = false, updatable = false, length = 255)
    private String providerUserId;

    @CreationTimestamp
    @Column(name = "linked_at", nullable = false, updatable = false)
    private Instant linkedAt;

    protected OAuthAccount() {
        // for JPA
    }

    public OAuthAccount(UserAccount user, String provider, String providerUserId) {
        this.user = Objects.requireNonNull(user, "user");
        this.provider = Objects.requireNonNull(provider, "provider").strip().toLowerCase(Locale.ROOT);
        this.providerUserId = Objects.requireNonNull(providerUserId, "providerUserId");
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public String getProvider() {
        return provider;
    }

    public String getProviderUserId() {
        return providerUserId;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof OAuthAccount that)) {
            return false;
        }
        return id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return OAuthAccount.class.hashCode();
    }

    @Override
    public String toString() {
        return "OAuthAccount[id=" + id + ", provider=" + provider + "]";
    }
}
