package com.bookstore.db.migrations.cli;

/** The documented exit codes of {@code ./migrate}. */
public enum ExitCode {
    /** Done; for {@code check}: the model and the database agree. */
    OK(0),
    /** {@code check} found differences, or a change was refused (destructive, unknown history, checksum mismatch). */
    DIFFERENCES_OR_REFUSED(1),
    /** Bad usage or configuration: unknown option, missing {@code DATABASE_URL}, wrong password, bad changelog. */
    USAGE_OR_CONFIGURATION(2),
    /** The database server cannot be reached. */
    DATABASE_UNREACHABLE(3),
    /** Anything else: a failure the tool does not know how to explain (a bug, a full disk); never "differences". */
    UNEXPECTED_FAILURE(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
