package com.bookstore.db.core.settings;

/**
 * A setting is missing or malformed. The message names the variable, says what is wrong and how to fix it, and never
 * contains a password.
 */
public class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String variable;

    public SettingsException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** The variable at fault, e.g. {@code DATABASE_URL}. */
    public String variable() {
        return variable;
    }
}
