package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.registry.EntityRegistryException;
import com.bookstore.db.core.settings.SettingsException;
import com.bookstore.db.migrations.apply.MigrationTimeoutException;
import com.bookstore.db.migrations.internal.schema.RevisionRefusedException;
import com.bookstore.db.migrations.apply.Revision;
import com.bookstore.db.migrations.apply.RollbackStoppedException;
import com.bookstore.db.migrations.apply.UnrecordedChangesetsException;
import com.bookstore.db.migrations.apply.UnknownHistoryException;
import com.bookstore.db.migrations.apply.OutOfOrderException;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.LockException;
import liquibase.exception.MigrationFailedException;
import liquibase.exception.PreconditionFailedException;
import liquibase.precondition.FailedPrecondition;
import liquibase.exception.ValidationFailedException;
import org.hibernate.MappingException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failure into one paragraph and an exit code: the first cause that explains the problem to a user (a bad
 * setting, an unreachable server, a wrong password, an edited revision, a broken changelog file, a failed revision),
 * saying what is wrong and how to fix it, on one line: never a stack trace, never an exception class name.
 */
record FailureReport(String message, ExitCode exitCode) {

    /** {@code liquibase.exception.SetupException: } and the like, in front of a message. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ?");
    private static final Pattern PARSE_ERROR = Pattern.compile("Error parsing line (\\d+) column (\\d+) of (.+?): (.*)", Pattern.DOTALL);
    private static final Pattern MISSING_FILE = Pattern.compile("The file (\\S+) was not found in the configured search path");
    private static final Pattern FAILED_CHANGESET = Pattern.compile("Migration failed for changeset (.+?):\\s*(?:\\R|$)");
    private static final Pattern FAILED_SQL = Pattern.compile("\\[Failed SQL: \\(-?\\d+\\) (.*)]\\s*$", Pattern.DOTALL);
    private static final Pattern CHECKSUM = Pattern.compile("(.+?) was: (\\S+) but is now: (\\S+)");
    private static final Pattern PRECHECK_GOT = Pattern.compile("got '(.*)'\\s*$", Pattern.DOTALL);
    private static final int MAX_SQL = 240;

    static FailureReport of(Throwable failure) {
        // The connection comes first: a lost server or a refused login explains every later symptom.
        boolean inRevision = false; // a revision's statement failed: its errors are not about the connection's settings
        for (Throwable t = failure; t != null; t = t.getCause()) {
            inRevision |= t instanceof MigrationFailedException || t instanceof RollbackStoppedException;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                FailureReport report = ofConnectionState(sql, !inRevision);
                if (report != null) {
                    return report;
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UsageException || t instanceof SettingsException || t instanceof EntityRegistryException
                    || t instanceof IllegalArgumentException) {
                return new FailureReport(oneLine(t.getMessage()), ExitCode.USAGE_OR_CONFIGURATION);
            }
            if (t instanceof ValidationFailedException validation) {
                return ofValidation(validation);
            }
            if (t instanceof ChangeLogParseException) {
                return ofParseError(t);
            }
            if (t instanceof PreconditionFailedException precheck) {
                return ofPrecheck(precheck, "a revision");
            }
            if (t instanceof RevisionRefusedException refused) { // says what stands in the way and the way out
                return new FailureReport(oneLine(refused.getMessage()), ExitCode.DIFFERENCES_OR_REFUSED);
            }
            if (t instanceof MigrationTimeoutException || t instanceof UnrecordedChangesetsException // say it all
                    || t instanceof UnknownHistoryException || t instanceof OutOfOrderException) {
                return new FailureReport(oneLine(t.getMessage()), ExitCode.DIFFERENCES_OR_REFUSED);
            }
            if (t instanceof MigrationFailedException migration) {
                PreconditionFailedException precheck = causeOf(migration, PreconditionFailedException.class);
                Matcher name = FAILED_CHANGESET.matcher(migration.getMessage() == null ? "" : migration.getMessage());
                return precheck == null ? ofFailedChangeset(migration)
                        : ofPrecheck(precheck, name.find() ? changeset(name.group(1).strip()) : "a revision");
            }
            if (t instanceof RollbackStoppedException stopped) {
                return ofStoppedRollback(stopped);
            }
            if (t instanceof MappingException) {
                return new FailureReport("The entity model cannot be mapped: " + sentence(oneLine(t.getMessage()))
                        + " Fix the mapping of the entity named (or remove it from its contributor) and run the command "
                        + "again.", ExitCode.USAGE_OR_CONFIGURATION);
            }
            if (t instanceof LockException) {
                return new FailureReport(sentence(oneLine(t.getMessage())), ExitCode.DIFFERENCES_OR_REFUSED);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                FailureReport report = ofSqlState(sql);
                if (report != null) {
                    return report;
                }
            }
        }
        return new FailureReport("Unexpected failure: " + describe(failure)
                + " Run again with -Dbookstore.migrations.verbose=true (MIGRATE_JAVA_OPTS) for the full log.", ExitCode.UNEXPECTED_FAILURE);
    }

    /** Unreachable server (exit 3), refused login, missing database, a connection setting refused (exit 2). */
    private static FailureReport ofConnectionState(SQLException sql, boolean connecting) {
        FailureReport setting = connecting ? ofConnectionSetting(sql) : null;
        if (setting != null) {
            return setting;
        }
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.equals("57P03") || state.equals("53300")) {
            return new FailureReport("Cannot reach the database server: " + sentence(serverText(sql) + networkCause(sql))
                    + " Check the host and port of DATABASE_URL (or --url) and that the server is running and accepts "
                    + "connections.", ExitCode.DATABASE_UNREACHABLE);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new FailureReport("The database server refused the login: " + sentence(serverText(sql))
                    + " Check the user and password of DATABASE_URL (or DATABASE_USER / DATABASE_PASSWORD, or --url); "
                    + "percent-encode special characters of the password ('@' as %40).", ExitCode.USAGE_OR_CONFIGURATION);
        }
        if (state.equals("3D000")) {
            return new FailureReport("The database server has no such database: " + sentence(serverText(sql))
                    + " Create it (createdb <name>) or fix the database name at the end of DATABASE_URL (or --url).",
                    ExitCode.USAGE_OR_CONFIGURATION);
        }
        return null;
    }

    /**
     * A parameter of the database URL that the driver or the server refused while connecting: the driver reports most
     * as a connection failure (SQLSTATE 08...), which they are not. The URL's parameters are checked before connecting
     * (DatabaseUrlParser); these are the problems only a connection attempt reveals, and the checks' safety net.
     */
    private static FailureReport ofConnectionSetting(SQLException sql) {
        String text = sql.getMessage() == null ? "" : oneLine(sql.getMessage());
        ServerErrorMessage server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String fix;
        if (text.startsWith("The server does not support SSL")) {
            fix = "DATABASE_URL (or --url) requires SSL (sslmode=require, verify-ca or verify-full, or ssl=true), but "
                    + "the database server does not support SSL. Enable SSL on the server or, on a trusted network only, "
                    + "use sslmode=prefer or sslmode=disable.";
        } else if (text.startsWith("The server does not support GSS Encryption")) {
            fix = "DATABASE_URL (or --url) requires GSS encryption (gssEncMode=require), but the database server does "
                    + "not support it. Enable it on the server, or use gssEncMode=prefer or gssEncMode=disable.";
        } else if (text.startsWith("Channel binding is required")) {
            fix = "DATABASE_URL (or --url) requires channel binding (channelBinding=require), which the database server "
                    + "did not offer: " + sentence(text) + " Use channelBinding=prefer, or have the server use SCRAM "
                    + "authentication over SSL.";
        } else if (text.startsWith("Could not find a server with specified targetServerType")) {
            fix = "The database server is not of the kind DATABASE_URL (or --url) asks for with targetServerType: "
                    + sentence(text) + " Point the URL at such a server, or change targetServerType (e.g. "
                    + "targetServerType=any).";
        } else if (text.startsWith("A connection could not be made using the requested protocol")) {
            fix = "The protocolVersion of DATABASE_URL (or --url) is one the PostgreSQL driver cannot use: " + sentence(text)
                    + " Remove protocolVersion, or write protocolVersion=3.";
        } else if (text.matches("Invalid \\w+ value: .*")) {
            fix = "A parameter of DATABASE_URL (or --url) has a value the PostgreSQL driver does not accept: "
                    + sentence(text) + " Fix that parameter (see the PostgreSQL JDBC driver's documentation).";
        } else if (server == null && ("22023".equals(sql.getSQLState()) || "42601".equals(sql.getSQLState()))) {
            fix = "The PostgreSQL driver refused a parameter of DATABASE_URL (or --url): " + sentence(text)
                    + " Fix that parameter's value.";
        } else if (server != null && "FATAL".equalsIgnoreCase(server.getSeverity())
                && Set.of("42704", "22023", "42601", "22P02").contains(sql.getSQLState())) {
            fix = "The database server refused a setting that DATABASE_URL (or --url) gives the session, e.g. in its "
                    + "options parameter: " + sentence(serverText(sql)) + " Fix or remove that setting (written as "
                    + "options=-c%20name%3Dvalue).";
        } else {
            return null;
        }
        return new FailureReport(fix, ExitCode.USAGE_OR_CONFIGURATION);
    }

    private static FailureReport ofSqlState(SQLException sql) {
        if (sql.getSQLState().equals("42501")) {
            return new FailureReport("The database user lacks a privilege: " + sentence(serverText(sql))
                    + " Run the migrations as the schema's owner, or grant the privilege to this user.",
                    ExitCode.USAGE_OR_CONFIGURATION);
        }
        return null;
    }

    private static FailureReport ofValidation(ValidationFailedException validation) {
        List<String> edited = new ArrayList<>();
        for (String invalid : validation.getInvalidMD5Sums()) {
            Matcher m = CHECKSUM.matcher(invalid.strip());
            edited.add(m.matches() ? m.group(1) : invalid.strip());
        }
        if (!edited.isEmpty()) {
            StringBuilder text = new StringBuilder("An applied revision was edited: ");
            for (int i = 0; i < edited.size() && i < 5; i++) {
                text.append(i == 0 ? "" : "; ").append(changeset(edited.get(i)));
            }
            if (edited.size() > 5) {
                text.append("; and ").append(edited.size() - 5).append(" more");
            }
            text.append(edited.size() == 1 ? " differs" : " differ").append(" from what was applied to this database "
                    + "(checksum mismatch), so nothing was run. Restore the file as it was when applied (e.g. git "
                    + "checkout) and put the change in a new revision: ./migrate generate -m \"<what changed>\".");
            return new FailureReport(text.toString(), ExitCode.DIFFERENCES_OR_REFUSED);
        }
        return new FailureReport("The changelog is invalid, so nothing was run: " + sentence(oneLine(validation.getMessage()))
                + " Fix the revision named above and run the command again.", ExitCode.USAGE_OR_CONFIGURATION);
    }

    /** {@code file::id::author} as "changeset <id> (author <author>) in <file>". */
    private static String changeset(String key) {
        String[] parts = key.split("::");
        if (parts.length < 3) {
            return "changeset " + key;
        }
        String author = String.join("::", java.util.Arrays.asList(parts).subList(2, parts.length));
        return new Revision(parts[1], author, parts[0]).describe();
    }

    private static FailureReport ofParseError(Throwable parse) {
        for (Throwable t = parse; t != null; t = t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage();
            Matcher syntax = PARSE_ERROR.matcher(text);
            if (syntax.find()) {
                return new FailureReport("The changelog file " + syntax.group(3) + " cannot be parsed at line "
                        + syntax.group(1) + ", column " + syntax.group(2) + ": " + sentence(oneLine(syntax.group(4)))
                        + " Fix that line (the path is relative to the changelog directory) and run the command again.",
                        ExitCode.USAGE_OR_CONFIGURATION);
            }
            Matcher missing = MISSING_FILE.matcher(text);
            if (missing.find()) {
                return new FailureReport("The changelog includes " + missing.group(1) + ", which does not exist (the "
                        + "path is relative to the changelog directory). Restore that file, or remove its <include> from "
                        + "the master changelog db/changelog/db.changelog-master.xml, and run the command again.",
                        ExitCode.USAGE_OR_CONFIGURATION);
            }
        }
        return new FailureReport("A changelog file cannot be read: " + sentence(describe(parse))
                + " Fix the file named above and run the command again.", ExitCode.USAGE_OR_CONFIGURATION);
    }

    /**
     * A revision's pre-check found rows that would make it fail: each failed check's sentence (how many rows, what they
     * hold, which change) is Liquibase's "got '...'" part of its message.
     */
    private static FailureReport ofPrecheck(PreconditionFailedException precheck, String which) {
        List<String> reasons = new ArrayList<>();
        for (FailedPrecondition failed : precheck.getFailedPreconditions()) {
            Matcher got = PRECHECK_GOT.matcher(failed.getMessage() == null ? "" : failed.getMessage());
            reasons.add(got.find() ? got.group(1) : oneLine(failed.getMessage()));
        }
        return new FailureReport("The upgrade stopped before " + which + ": " + String.join(" ", reasons),
                ExitCode.DIFFERENCES_OR_REFUSED);
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static FailureReport ofFailedChangeset(MigrationFailedException migration) {
        String text = migration.getMessage() == null ? "" : migration.getMessage();
        Matcher name = FAILED_CHANGESET.matcher(text);
        String which = name.find() ? changeset(name.group(1).strip()) : "a revision";
        SQLException sql = null;
        String failedSql = null;
        for (Throwable t = migration; t != null; t = t.getCause()) {
            if (sql == null && t instanceof SQLException s) {
                sql = s;
            }
            Matcher statement = FAILED_SQL.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (failedSql == null && statement.find()) {
                failedSql = shorten(oneLine(statement.group(1)));
            }
        }
        String reason = sql != null ? serverText(sql) + (sql.getSQLState() == null ? "" : " (SQLSTATE " + sql.getSQLState() + ")")
                : oneLine(innermostMessage(migration));
        return new FailureReport("The upgrade stopped: " + which + " failed: " + reason
                + (failedSql == null ? "" : ", in the statement: " + failedSql)
                + ". That revision was rolled back and is still pending (./migrate status); the revisions before it stay "
                + "applied. Fix the revision (or the data it trips on) and run ./migrate upgrade again.",
                ExitCode.DIFFERENCES_OR_REFUSED);
    }

    private static FailureReport ofStoppedRollback(RollbackStoppedException stopped) {
        String done = stopped.rolledBack().isEmpty() ? "Nothing was rolled back"
                : "The " + stopped.rolledBack().size() + " revision(s) rolled back before it ("
                        + String.join(", ", stopped.rolledBack().stream().map(Revision::id).toList()) + ") stay rolled back";
        if (stopped.getCause() instanceof MigrationTimeoutException timeout) {
            return new FailureReport(oneLine(timeout.getMessage()) + " " + done + ".", ExitCode.DIFFERENCES_OR_REFUSED);
        }
        Throwable cause = stopped.getCause() == null ? stopped : stopped.getCause();
        SQLException sql = null;
        String failedSql = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (sql == null && t instanceof SQLException s) {
                sql = s;
            }
            Matcher statement = FAILED_SQL.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (failedSql == null && statement.find()) {
                failedSql = shorten(oneLine(statement.group(1)));
            }
        }
        String reason = sql != null ? serverText(sql) + (sql.getSQLState() == null ? "" : " (SQLSTATE " + sql.getSQLState() + ")")
                : oneLine(innermostMessage(cause));
        Revision failed = stopped.failed();
        String which = failed == null ? "a revision" : failed.describe();
        return new FailureReport("The rollback stopped: the rollback of " + which + " failed: " + reason
                + (failedSql == null ? "" : ", in the statement: " + failedSql)
                + ". That revision is still applied (its rollback was undone whole). " + done + ". Fix the revision's "
                + "<rollback> (or the data it trips on) and run ./migrate rollback again.",
                ExitCode.DIFFERENCES_OR_REFUSED);
    }

    /** The server's own message (without {@code ERROR:}/{@code FATAL:} and the position lines), else the first line. */
    private static String serverText(SQLException sql) {
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage().strip();
            }
        }
        String message = sql.getMessage() == null ? sql.getSQLState() : sql.getMessage();
        return oneLine(message.lines().findFirst().orElse(message));
    }

    /** " (connection refused)" and the like, from the network exception under a connection failure. */
    private static String networkCause(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return " (unknown host " + t.getMessage() + ")";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                String detail = t.getMessage() == null ? "" : oneLine(t.getMessage());
                return detail.isEmpty() || failure.getMessage() != null && failure.getMessage().contains(detail) ? ""
                        : " (" + detail + ")";
            }
        }
        return "";
    }

    private static String innermostMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    /** Every distinct message of the chain, outermost first, on one line, without exception class names. */
    private static String describe(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() == null || t.getMessage().isBlank()) {
                continue;
            }
            String message = withShortSql(oneLine(t.getMessage()));
            if (message.isEmpty() || messages.stream().anyMatch(m -> m.contains(message))) {
                continue;
            }
            messages.removeIf(message::contains);
            messages.add(message);
        }
        if (messages.isEmpty()) {
            return "Unexpected failure (" + failure.getClass().getSimpleName() + ") without a message. Run again with "
                    + "-Dbookstore.migrations.verbose=true to see the logs.";
        }
        return String.join(": ", messages.stream().map(FailureReport::stripTrailingColon).toList());
    }

    /** Liquibase's {@code [Failed SQL: (0) <statement>]} with a long statement cut short. */
    private static String withShortSql(String message) {
        Matcher statement = FAILED_SQL.matcher(message);
        return statement.find() ? message.substring(0, statement.start()) + "[Failed SQL: " + shorten(statement.group(1)) + "]"
                : message;
    }

    /** One line: exception class prefixes removed, every run of white space (new lines too) made one space. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return CLASS_PREFIX.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    /** Ends the text with a full stop, so that the advice that follows reads as a new sentence. */
    private static String sentence(String text) {
        String stripped = stripTrailingColon(text.strip());
        return stripped.endsWith(".") || stripped.endsWith("?") || stripped.endsWith("!") ? stripped : stripped + ".";
    }

    private static String stripTrailingColon(String text) {
        String stripped = text.strip();
        while (stripped.endsWith(":")) {
            stripped = stripped.substring(0, stripped.length() - 1).strip();
        }
        return stripped;
    }

    private static String shorten(String sql) {
        return sql.length() <= MAX_SQL ? sql : sql.substring(0, MAX_SQL) + " …";
    }
}
