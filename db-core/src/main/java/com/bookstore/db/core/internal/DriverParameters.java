package com.bookstore.db.core.internal;

import org.postgresql.PGProperty;
import org.postgresql.core.Oid;
import org.postgresql.util.PGPropertyMaxResultBufferParser;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the query parameters of {@code DATABASE_URL} that the PostgreSQL driver (pgjdbc) interprets, before any
 * connection is attempted, so that a bad value is reported as what it is, naming the parameter: the driver itself
 * reports some of them as a connection failure ({@code sslmode=bogus}: "Invalid sslmode value", SQLSTATE 08001),
 * others as a bare {@code NumberFormatException} ({@code connectTimeout=abc}), and silently replaces others with its
 * default ({@code ssl=yes}, {@code preferQueryMode=bogus}). Fails closed: a value the driver would ignore is refused.
 * Parameters the driver does not know are left alone (it ignores them), except a known name written in another case
 * ({@code sslMode}), which the driver would ignore too, silently.
 *
 * <p>Derived from pgjdbc's own metadata ({@link PGProperty}: choices and defaults), so that new driver versions are
 * covered: a parameter with choices takes one of them; one whose default is an integer takes an integer; one whose
 * default is {@code true}/{@code false} takes {@code true} or {@code false}.
 */
final class DriverParameters {

    /** Choices the driver compares case-sensitively (the others ignore case). */
    private static final Set<String> CASE_SENSITIVE_CHOICES = Set.of("channelBinding", "targetServerType");
    /** Choices that pgjdbc's metadata lists incompletely ({@code protocolVersion} also takes 3.0 and 3.2). */
    private static final Set<String> UNCHECKED_CHOICES = Set.of("protocolVersion");
    /** Durations in seconds (or milliseconds), where a negative value fails or means nothing, and counts. */
    private static final Set<String> NON_NEGATIVE = Set.of("connectTimeout", "socketTimeout", "loginTimeout",
            "cancelSignalTimeout", "gssResponseTimeout", "sslResponseTimeout", "hostRecheckSeconds", "defaultRowFetchSize");

    /** Sizes that must be at least 1. */
    private static final Set<String> POSITIVE = Set.of("maxSendBufferSize");
    /** Parameters that the driver reads as the host, port or database, overriding the URL's. */
    private static final Set<String> URL_PARTS = Set.of("PGHOST", "PGPORT", "PGDBNAME", "service");
    /** Parameters naming a class that the driver instantiates. */
    private static final Set<String> CLASS_NAMES = Set.of("socketFactory", "sslfactory", "sslhostnameverifier",
            "sslpasswordcallback", "authenticationPluginClassName");

    private DriverParameters() {
    }

    /** What is wrong with a parameter ("has sslmode='bogus', which ...") and how to fix it. */
    record Problem(String what, String fix) {
    }

    /** The problem of the first bad parameter. */
    static Optional<Problem> problem(Map<String, String> parameters) {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            Optional<Problem> problem = problem(parameter.getKey(), parameter.getValue());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String name, String value) {
        PGProperty property = PGProperty.forName(name);
        if (property == null) {
            return Arrays.stream(PGProperty.values()).filter(p -> p.getName().equalsIgnoreCase(name)).findFirst()
                    .map(p -> new Problem("has the parameter '" + name + "', which the PostgreSQL driver does not know "
                            + "and would ignore: parameter names are case-sensitive", "Write it as '" + p.getName() + "'."));
        }
        if (URL_PARTS.contains(name)) {
            return Optional.of(new Problem("has the parameter '" + name + "', which would override the host, port or "
                    + "database written in the URL", "Remove it and write the host, port and database in the URL "
                    + "itself, e.g. postgresql://user:password@localhost:5432/bookstore."));
        }
        if (CLASS_NAMES.contains(name) && !loadable(value)) {
            return Optional.of(new Problem(shown(name, value) + ", a class that is not on the class path",
                    "Write the fully qualified name of a class the application ships, or remove " + name + "."));
        }
        if (name.equals("localSocketAddress")) {
            try {
                InetAddress.getByName(value);
            } catch (UnknownHostException | SecurityException e) {
                return Optional.of(new Problem(shown(name, value) + ", which is not an address of this machine",
                        "Write an IP address (or a host name) of this machine to connect from, or remove it."));
            }
        }
        if (UNCHECKED_CHOICES.contains(name)) {
            return Optional.empty(); // the driver's own error is mapped where connections fail
        }
        String[] choices = property.getChoices();
        if (choices != null && !isBoolean(choices)) {
            boolean caseSensitive = CASE_SENSITIVE_CHOICES.contains(name);
            if (Arrays.stream(choices).noneMatch(c -> caseSensitive ? c.equals(value) : c.equalsIgnoreCase(value))) {
                return Optional.of(new Problem(shown(name, value) + ", which the PostgreSQL driver does not accept",
                        "Use one of: " + String.join(", ", choices) + (caseSensitive ? " (case-sensitive)" : "") + "."));
            }
            return Optional.empty();
        }
        if (name.equals("loginTimeout")) { // the driver reads it as seconds with a fraction
            if (!value.strip().matches("\\d+(\\.\\d+)?")) {
                return Optional.of(new Problem(shown(name, value) + ", which is not a number of seconds",
                        "Write a number of seconds of at least 0, e.g. loginTimeout=10."));
            }
            return Optional.empty();
        }
        String defaultValue = property.getDefaultValue();
        if (defaultValue != null && defaultValue.matches("-?\\d+")) {
            return integerProblem(name, value);
        }
        if (name.equals("ssl") || "true".equals(defaultValue) || "false".equals(defaultValue)
                || choices != null && isBoolean(choices)) {
            boolean emptyIsTrue = name.equals("ssl"); // "?ssl" alone means ssl=true to the driver
            String v = value.toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false") && !(emptyIsTrue && v.isEmpty())) {
                return Optional.of(new Problem(shown(name, value) + ", which is not true or false (the PostgreSQL "
                        + "driver would silently read it as false)", "Write " + name + "=true or " + name + "=false."));
            }
            return Optional.empty();
        }
        if (name.equals("maxResultBuffer")) {
            try {
                PGPropertyMaxResultBufferParser.parseProperty(value);
            } catch (SQLException e) {
                return Optional.of(new Problem(shown(name, value) + ", which the PostgreSQL driver cannot parse",
                        "Write a size in bytes (e.g. 100M, 1G) or a share of the heap (e.g. 10p, at most 90p)."));
            }
            return Optional.empty();
        }
        if (name.equals("binaryTransferEnable") || name.equals("binaryTransferDisable")) {
            for (String oid : value.split(",")) {
                if (oid.isEmpty()) {
                    continue;
                }
                try {
                    Oid.valueOf(oid);
                } catch (SQLException e) {
                    return Optional.of(new Problem(shown(name, value) + ", whose entry '" + oid + "' is neither a type "
                            + "the PostgreSQL driver knows nor a number", "Write a comma-separated list, without spaces, "
                            + "of type names or oids, e.g. " + name + "=int4,bool."));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> integerProblem(String name, String value) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            if (value.strip().matches("-?\\d+")) {
                return Optional.of(new Problem(shown(name, value) + ", which is too large", "Write a whole number of at "
                        + "most " + Integer.MAX_VALUE + "."));
            }
            return Optional.of(new Problem(shown(name, value) + ", which is not a whole number", "Write " + name
                    + "=<number>" + (NON_NEGATIVE.contains(name) ? " (at least 0), e.g. " + name + "=10" : "")
                    + "."));
        }
        if (number < 1 && POSITIVE.contains(name)) {
            return Optional.of(new Problem(shown(name, value) + ", which is not positive", "Write a number of at least 1, "
                    + "e.g. " + name + "=8192, or remove it."));
        }
        if (number < 0 && NON_NEGATIVE.contains(name)) {
            return Optional.of(new Problem(shown(name, value) + ", which is negative",
                    "Write a number of at least 0, e.g. " + name + "=10."));
        }
        return Optional.empty();
    }

    private static boolean loadable(String className) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                PGProperty.class.getClassLoader()}) {
            try {
                Class.forName(className, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return false;
    }

    private static boolean isBoolean(String[] choices) {
        return choices.length == 2 && Set.of(choices).equals(Set.of("true", "false"));
    }

    private static String shown(String name, String value) {
        return "has " + name + "=" + (value.isEmpty() ? "(empty)" : "'" + value + "'");
    }
}
