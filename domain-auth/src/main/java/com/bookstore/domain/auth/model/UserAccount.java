package com.bookstore.domain.auth.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person who can sign in, and the account other domains (orders) hang their data on.
 *
 * <p>The id is a UUID so that it can be handed to other services and put in tokens without revealing how many accounts
 * exist. The email is the login name: it is normalised to lower case before it is stored, so that the unique
 * constraint {@code uk_user_account_email} also rejects addresses differing only in case. The password hash is
 * optional because accounts created through an {@link OAuthAccount external provider} have no password. Versioned,
 * since an administrator suspending an account and the user editing it must not silently overwrite each other.
 */
@Entity
@Table(name = "user_account",
        uniqueConstraints = @UniqueConstraint(name = "uk_user_account_email", columnNames = "email"))
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    /** RFC 5321 limits an address to 320 characters. */
    @Column(name = "email", nullable = false, length = 320)
    private String email;

    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 30)
    private UserStatus status;

    /**
     * The join table's primary key is {@code (user_id, role_id)}, serving "roles of this account";
     * {@code ix_user_account_role_role_id} serves "accounts with a role". Hibernate 6.6 orders primary key columns by
     * type size, so the order would differ between registries; a unique constraint over exactly the key columns is
     * folded into the primary key instead, fixing the order, and its name becomes the key's name.
     */
    @ManyToMany
    @JoinTable(name = "user_account_role",
            joinColumns = @JoinColumn(name = "user_id", nullable = false,
                    foreignKey = @ForeignKey(name = "fk_user_account_role_user_id")),
            inverseJoinColumns = @JoinColumn(name = "role_id", nullable = false,
                    foreignKey = @ForeignKey(name = "fk_user_account_role_role_id")),
            uniqueConstraints = @UniqueConstraint(name = "user_account_role_pkey",
                    columnNames = {"user_id", "role_id"}),
            indexes = @Index(name = "ix_user_account_role_role_id", columnList = "role_id"))
    private Set<Role> roles = new HashSet<>();

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserAccount() {
        // for JPA
    }

    /**
     * A new account waiting for its email address to be confirmed.
     *
     * @param passwordHash the hash of the password (never the password), or {@code null} for accounts that sign in
     *                     only through an external provider
     */
    public UserAccount(String email, String displayName, String passwordHash) {
        this.email = normalizeEmail(email);
        this.displayName = requireText(displayName, "displayName");
        this.passwordHash = passwordHash;
        this.status = UserStatus.PENDING_VERIFICATION;
    }

    /** The form in which emails are stored and looked up: trimmed, lower case. */
    public static String normalizeEmail(String email) {
        return requireText(email, "email").strip().toLowerCase(Locale.ROOT);
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public void changeEmail(String newEmail) {
        this.email = normalizeEmail(newEmail);
        this.status = UserStatus.PENDING_VERIFICATION;
    }

    public void changePasswordHash(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
    }

    public void rename(String newDisplayName) {
        this.displayName = requireText(newDisplayName, "newDisplayName");
    }

    public void activate() {
        this.status = UserStatus.ACTIVE;
    }

    public void suspend() {
        this.status = UserStatus.SUSPENDED;
    }

    public void closeAccount() {
        this.status = UserStatus.CLOSED;
    }

    public boolean canSignIn() {
        return status == UserStatus.ACTIVE;
    }

    public void grant(Role role) {
        roles.add(Objects.requireNonNull(role, "role"));
    }

    public void revoke(Role role) {
        roles.remove(role);
    }

    public boolean hasRole(String roleName) {
        return roles.stream().anyMatch(role -> role.getName().equals(roleName));
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public UserStatus getStatus() {
        return status;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    /** Identity is the generated id: two new, unsaved accounts are never equal. Works with Hibernate proxies. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof UserAccount that)) {
            return false;
        }
        return id != null && id.equals(that.getId());
    }

    /** Constant, so that the hash does not change when the id is assigned on persist. */
    @Override
    public int hashCode() {
        return UserAccount.class.hashCode();
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", status=" + status + "]";
    }
}
