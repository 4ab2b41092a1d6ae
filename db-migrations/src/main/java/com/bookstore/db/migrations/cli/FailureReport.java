package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.registry.EntityRegistryException;
import com.bookstore.db.core.settings.SettingsException;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.ValidationFailedException;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns a failure into one paragraph and an exit code: the first cause that explains the problem to a user (a bad
 * setting, an unreachable server, a wrong password, a checksum mismatch), not a stack trace.
 */
record FailureReport(String message, ExitCode exitCode) {

    static FailureReport of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UsageException || t instanceof SettingsException || t instanceof EntityRegistryException
                    || t instanceof IllegalArgumentException) {
                return new FailureReport(t.getMessage(), ExitCode.USAGE_OR_CONFIGURATION);
            }
            if (t instanceof ValidationFailedException) {
                return new FailureReport("The changelog does not match what was applied to the database (an applied "
                        + "revision was edited, or is invalid). Restore the applied revision and put the change in a new "
                        + "one. Details: " + t.getMessage().strip(), ExitCode.DIFFERENCES_OR_REFUSED);
            }
            if (t instanceof ChangeLogParseException) {
                return new FailureReport("A changelog file cannot be read: " + t.getMessage().strip(),
                        ExitCode.USAGE_OR_CONFIGURATION);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                FailureReport report = ofSqlState(sql);
                if (report != null) {
                    return report;
                }
            }
        }
        return new FailureReport(describe(failure), ExitCode.DIFFERENCES_OR_REFUSED);
    }

    private static FailureReport ofSqlState(SQLException sql) {
        String state = sql.getSQLState();
        if (state.startsWith("08")) {
            return new FailureReport("Cannot reach the database server: " + sql.getMessage()
                    + ". Check the host and port of DATABASE_URL and that the server is running.", ExitCode.DATABASE_UNREACHABLE);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new FailureReport("The database refused the login: " + sql.getMessage()
                    + ". Check the user and password of DATABASE_URL (or DATABASE_USER / DATABASE_PASSWORD).",
                    ExitCode.USAGE_OR_CONFIGURATION);
        }
        if (state.equals("3D000")) {
            return new FailureReport(sql.getMessage() + ". Create it (createdb) or fix the database name in DATABASE_URL.",
                    ExitCode.USAGE_OR_CONFIGURATION);
        }
        return null;
    }

    private static String describe(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                messages.add(t.getMessage().strip());
            }
        }
        return messages.isEmpty() ? failure.getClass().getName() : String.join(" Caused by: ", messages);
    }
}
