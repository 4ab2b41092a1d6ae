package com.bookstore.db.migrations.cli;

/** A command line the tool cannot act on; the message says what is wrong and how to call it instead. */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
