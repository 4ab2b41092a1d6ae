package com.bookstore.db.migrations.internal.schema;

/**
 * A revision {@code generate} cannot write as it stands, for a reason in the user's database rather than in the tool:
 * the message says what stands in the way and how to write the change instead. Nothing was written.
 */
public final class RevisionRefusedException extends RuntimeException {

    public RevisionRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
