package com.bookstore.domain.auth.model;

/**
 * Whether an account may sign in. Stored by name, so constants may be reordered but never renamed without a migration.
 */
public enum UserStatus {
    /** Registered, email address not yet confirmed. */
    PENDING_VERIFICATION,
    ACTIVE,
    /** Blocked by an administrator; can be reactivated. */
    SUSPENDED,
    /** Closed at the user's request; kept for the orders that reference it. */
    CLOSED
}
