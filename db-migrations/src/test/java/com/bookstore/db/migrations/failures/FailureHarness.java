package com.bookstore.db.migrations.failures;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.cli.CliContext;
import com.bookstore.db.migrations.cli.ExitCode;
import com.bookstore.db.migrations.cli.MigrateCli;
import com.bookstore.db.migrations.fixtures.FileTrees;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code ./migrate} in process the way a user meets it, and captures everything a user or a log collector could
 * see: the CLI's own streams, {@code System.out}/{@code System.err} (Liquibase's console, slf4j-simple, i.e. Hikari
 * and zonky) and every java.util.logging record (Liquibase, Hibernate, the PostgreSQL driver), at every level.
 */
final class FailureHarness {

    /** The password given to the tool in every test that has one: it must never appear in any output. */
    static final String PASSWORD = "Pw-9f3kQ";

    /** The loggers opened up to every level while capturing, so that debug lines are scanned too. */
    private static final List<String> VERBOSE_LOGGERS = List.of("liquibase", "org.postgresql", "com.bookstore",
            "com.zaxxer", "org.hibernate.engine.jdbc", "org.hibernate.orm.connections");

    /** A fully qualified exception class name, the mark of a stack trace or of an unexplained exception. */
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*(Exception|Error)\\b");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

    private FailureHarness() {
    }

    /** What one command showed, everywhere. */
    record Run(ExitCode exit, String out, String err, Captured captured) {

        /**
         * The error paragraph, without the {@code error: } prefix: everything from the only {@code error: } line to
         * the end of the CLI's error stream (so that a second line would show as part of it).
         */
        String message() {
            int start = err.startsWith("error: ") ? 0 : err.indexOf("\nerror: ") + 1;
            assertTrue(start >= 0 && err.startsWith("error: ", start), () -> "no error paragraph:\n" + this);
            assertEquals(-1, err.indexOf("\nerror: ", start), () -> "more than one error paragraph:\n" + this);
            return err.substring(start + "error: ".length()).stripTrailing();
        }

        String everything() {
            return out + "\n" + err + "\n" + captured.everything();
        }

        /** For failure messages: the streams, and the log records of level INFO and above (all are scanned). */
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err + "--- System.out:\n" + captured.stdout()
                    + "--- System.err:\n" + captured.stderr() + "--- log records (INFO and above):\n"
                    + String.join("\n", captured.logRecords().stream().filter(r -> !r.startsWith("FINE")
                            && !r.startsWith("CONFIG")).toList());
        }
    }

    /** System.out, System.err and java.util.logging records seen while some code ran. */
    record Captured(String stdout, String stderr, List<String> logRecords) {
        String everything() {
            return stdout + "\n" + stderr + "\n" + String.join("\n", logRecords);
        }
    }

    /** The result of {@link #capture(Callable)}: the value or the failure, and what was printed and logged. */
    record Outcome<T>(T value, Throwable failure, Captured captured) {
    }

    /** Runs a command line in process with the given environment, registry and default changelog root. */
    static Run migrate(Map<String, String> env, Supplier<EntityRegistry> registry, Path changelogRoot, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ConfigSource.of(env), registry, changelogRoot,
                Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));
        Outcome<ExitCode> outcome = capture(() -> MigrateCli.run(args, context));
        if (outcome.failure() != null) {
            throw new AssertionError("MigrateCli.run threw instead of returning an exit code", outcome.failure());
        }
        return new Run(outcome.value(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                outcome.captured());
    }

    static Run migrate(Map<String, String> env, Path changelogRoot, String... args) {
        return migrate(env, () -> EntityRegistry.of(new RaceModel()), changelogRoot, args);
    }

    /**
     * Runs {@code work} with System.out/err teed into buffers and a handler on the root logger receiving every record
     * of Liquibase, the driver, Hikari and our code at every level (LiquibaseDefaults' quieting is suspended).
     */
    static synchronized <T> Outcome<T> capture(Callable<T> work) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        List<String> records = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                StringBuilder text = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": ");
                text.append(formatter.formatMessage(record)).append(" | raw: ").append(record.getMessage());
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        text.append(" | ").append(parameter);
                    }
                }
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    text.append('\n').append(trace);
                }
                records.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Map<Logger, Level> levels = new LinkedHashMap<>();
        for (String name : VERBOSE_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        String verbose = System.getProperty("bookstore.migrations.verbose");
        System.setProperty("bookstore.migrations.verbose", "true");
        root.addHandler(handler);
        System.setOut(new PrintStream(new Tee(originalOut, stdout), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, stderr), true, StandardCharsets.UTF_8));
        T value = null;
        Throwable failure = null;
        try {
            value = work.call();
        } catch (Throwable t) {
            failure = t;
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
            root.removeHandler(handler);
            levels.forEach(Logger::setLevel);
            if (verbose == null) {
                System.clearProperty("bookstore.migrations.verbose");
            } else {
                System.setProperty("bookstore.migrations.verbose", verbose);
            }
        }
        return new Outcome<>(value, failure, new Captured(stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8), List.copyOf(records)));
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }

    /**
     * The run failed with {@code expected}, one error paragraph (one line, no stack trace, no exception class name)
     * containing every fragment, and no secret anywhere. Returns the paragraph.
     */
    static String assertFailure(Run run, ExitCode expected, String... fragments) {
        assertEquals(expected, run.exit(), run::toString);
        String message = run.message();
        assertOneParagraph(message, run);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "the message should contain '" + fragment + "': " + message);
        }
        return message;
    }

    static void assertOneParagraph(String message, Object context) {
        assertFalse(message.isBlank(), () -> "empty error message: " + context);
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "more than one line: " + message);
        assertFalse(message.contains("Caused by"), () -> "a cause chain instead of an explanation: " + message);
        assertFalse(EXCEPTION_CLASS.matcher(message).find(), () -> "an exception class name in: " + message);
        assertFalse(STACK_FRAME.matcher(message).find(), () -> "a stack trace in: " + message);
        assertTrue(message.length() < 1200, () -> "not one paragraph (" + message.length() + " chars): " + message);
    }

    /** No secret in the CLI's streams, in System.out/err or in any log record. */
    static void assertNoSecret(Run run, String... secrets) {
        for (String secret : secrets) {
            assertFalse(run.everything().contains(secret), () -> "the secret '" + secret + "' was printed or logged:\n" + run);
        }
        assertFalse(STACK_FRAME.matcher(run.out() + run.err()).find(), () -> "a stack trace on the CLI's streams:\n" + run);
    }

    static void assertNoSecret(Captured captured, String... secrets) {
        for (String secret : secrets) {
            assertFalse(captured.everything().contains(secret),
                    () -> "the secret '" + secret + "' was printed or logged:\n" + captured.everything());
        }
    }

    /** Copies the test changelog {@code src/test/resources/failures/<name>} (a resource root) into {@code target}. */
    static Path changelog(String name, Path target) {
        URL url = FailureHarness.class.getResource("/failures/" + name + "/db/changelog/db.changelog-master.xml");
        if (url == null) {
            throw new IllegalArgumentException("no test changelog failures/" + name);
        }
        try {
            return FileTrees.copy(Path.of(url.toURI()).getParent().getParent().getParent(), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code DATABASE_URL} (in {@code postgresql://} form, with the settings' credentials) and an author. */
    static Map<String, String> envFor(DatabaseSettings database) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", url(database));
        env.put("MIGRATIONS_AUTHOR", "failures-test");
        return env;
    }

    /**
     * The settings with {@link #PASSWORD} as password when they have none: the embedded server trusts local logins and
     * ignores it, but the tool gets a password to leak. Settings from {@code DATABASE_URL} keep their own password.
     */
    static DatabaseSettings withPassword(DatabaseSettings database) {
        return database.password() != null ? database : database.withCredentials(database.user(), PASSWORD);
    }

    static String url(DatabaseSettings database) {
        String credentials = database.user() == null ? ""
                : database.user() + (database.password() == null ? "" : ":" + database.password()) + "@";
        return "postgresql://" + credentials + database.host() + ":" + database.port() + "/" + database.database();
    }

    /**
     * Starts {@code ./migrate <args>} as a separate JVM on this test's class path (surefire's, possibly a
     * manifest-only jar), with {@code DATABASE_URL} as its only database setting; its standard output and error go to
     * {@code <logs>/<name>.out} and {@code .err}.
     */
    static Process startMigrate(String databaseUrl, Path logs, String name, String... args) throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss1m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), "com.bookstore.db.migrations.cli.MigrateCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(logs.toFile())
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("DATABASE_") || key.equals("MIGRATIONS_AUTHOR"));
        environment.put("DATABASE_URL", databaseUrl);
        environment.put("MIGRATIONS_AUTHOR", "failures-test");
        return builder.start();
    }

    /** What a process started by {@link #startMigrate} printed. */
    static String output(Path logs, String name) {
        try {
            return "--- " + name + ".out:\n" + Files.readString(logs.resolve(name + ".out")) + "--- " + name + ".err:\n"
                    + Files.readString(logs.resolve(name + ".err"));
        } catch (IOException e) {
            return "(no output of " + name + ": " + e + ")";
        }
    }

    /** Runs a query as the settings' user and returns the first column of every row, as text. */
    static List<String> query(DatabaseSettings database, String sql) {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void execute(DatabaseSettings database, String sql) {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static boolean tableExists(DatabaseSettings database, String table) {
        return query(database, "select to_regclass('public." + table + "')::text").get(0) != null;
    }

    /** The ids in DATABASECHANGELOG, in the order applied; empty when the table does not exist. */
    static List<String> appliedIds(DatabaseSettings database) {
        if (!tableExists(database, "databasechangelog")) {
            return List.of();
        }
        return query(database, "select id from databasechangelog order by orderexecuted");
    }
}
