package com.bookstore.db.migrations.internal.lint;

/** A revision that cannot be linted (missing, not a revision file, unparsable): the message names the file and the fix. */
public class LintInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    LintInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
