package com.bookstore.db.core.internal;

import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.SettingsException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code postgresql://}, {@code postgres://} and {@code jdbc:postgresql://} URLs by hand rather than with
 * {@link java.net.URI}, which rejects passwords holding characters people really use. Every error message shows the
 * URL with its password masked.
 */
public final class DatabaseUrlParser {

    private static final String VARIABLE = DatabaseSettings.DATABASE_URL;
    private static final String EXAMPLE = "postgresql://user:password@localhost:5432/bookstore";
    private static final String ENCODE_PASSWORD_HINT = "If the password contains '/', '?' or '#', percent-encode them"
            + " as %2F, %3F and %23 (and '@' as %40, '%' as %25).";

    private DatabaseUrlParser() {
    }

    public static DatabaseSettings parse(String url) {
        if (url == null || url.isBlank()) {
            throw error("is empty", "Set it to the database to use, e.g. " + EXAMPLE + ".");
        }
        String trimmed = url.strip();
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd < 0) {
            throw error("is not a URL (" + mask(trimmed) + ")", "Write it as " + EXAMPLE + ".");
        }
        String scheme = trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgresql") && !scheme.equals("postgres") && !scheme.equals("jdbc:postgresql")) {
            throw error("has the unsupported scheme '" + scheme + "' (" + mask(trimmed) + ")",
                    "Only PostgreSQL is supported: use postgresql://, postgres:// or jdbc:postgresql://.");
        }
        String rest = trimmed.substring(schemeEnd + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String rawDatabase = slash >= 0 ? rest.substring(slash + 1) : "";
        String database = decode(rawDatabase, trimmed);
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at) : null;
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        // An '@' after the authority: most likely a password with an unencoded '/' or '?', cut there by the parse.
        boolean atAfterAuthority = at < 0 && trimmed.indexOf('@', schemeEnd + 3) >= 0;

        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, trimmed);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1), trimmed) : null;
            if (user.isEmpty()) {
                user = null;
            }
        }
        Map<String, String> parameters = parameters(query, trimmed);
        if (user == null && parameters.containsKey("user")) {
            user = parameters.get("user");
        }
        if (password == null && parameters.containsKey("password")) {
            password = parameters.get("password");
        }
        parameters.remove("user");
        parameters.remove("password");

        String host = host(hostPort, trimmed);
        int port = port(hostPort, trimmed, atAfterAuthority);
        if (rawDatabase.contains("@")) {
            throw error("has an '@' after the host (" + mask(trimmed) + ")",
                    ENCODE_PASSWORD_HINT + " Write an '@' of the database name as %40.");
        }
        if (database.isEmpty()) {
            // "app:p@ss?word@host/db": a password with an unencoded '?' (or '/') put the real host into the query
            boolean atAfterHost = trimmed.indexOf('@', schemeEnd + 3 + authority.length()) >= 0;
            throw error("names no database (" + mask(trimmed) + ")", "Add it after the host: " + EXAMPLE + "."
                    + (atAfterHost ? " " + ENCODE_PASSWORD_HINT : ""));
        }
        if (database.contains("/")) {
            throw error("has a database name with '/' (" + mask(trimmed) + ")", "Write it as " + EXAMPLE + ".");
        }
        java.util.Optional<DriverParameters.Problem> problem = DriverParameters.problem(parameters);
        if (problem.isPresent()) {
            throw error(problem.get().what() + " (" + mask(trimmed) + ")", problem.get().fix());
        }
        return new DatabaseSettings(host, port, database, user, password, parameters);
    }

    private static String host(String hostPort, String url) {
        if (hostPort.contains(",")) {
            throw error("lists several hosts (" + mask(url) + ")", "Give one host; put a load balancer or a DNS name in front of several.");
        }
        String host;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw error("has an IPv6 host without its closing ']' (" + mask(url) + ")", "Write it as postgresql://user@[::1]:5432/db.");
            }
            if (close + 1 < hostPort.length() && hostPort.charAt(close + 1) != ':') {
                throw error("has characters after the IPv6 host's ']' (" + mask(url) + ")",
                        "Write it as postgresql://user@[::1]:5432/db.");
            }
            host = hostPort.substring(1, close);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        }
        if (host.isEmpty()) {
            throw error("names no host (" + mask(url) + ")", "Add it after '://', e.g. " + EXAMPLE + ".");
        }
        return host;
    }

    private static int port(String hostPort, String url, boolean atAfterAuthority) {
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.indexOf(':');
        if (colon < 0) {
            return 5432;
        }
        String text = hostPort.substring(colon + 1);
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        if (atAfterAuthority) {
            // the "port" is then most likely the start of the password: never echo it
            throw error("has no valid port before the first '/' or '?' (" + mask(url) + ")",
                    "The port must be a number from 1 to 65535, e.g. 5432. " + ENCODE_PASSWORD_HINT);
        }
        throw error("has the port '" + text + "' (" + mask(url) + ")", "The port must be a number from 1 to 65535, e.g. 5432.");
    }

    private static Map<String, String> parameters(String query, String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair, url);
            String value = eq >= 0 ? decode(pair.substring(eq + 1), url) : "";
            if (key.isEmpty()) {
                throw error("has a query parameter without a name (" + mask(url) + ")", "Write parameters as ?name=value&other=value.");
            }
            parameters.put(key, value);
        }
        return parameters;
    }

    private static String decode(String text, String url) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw error("has a malformed %-escape (" + mask(url) + ")",
                    "Percent-encode special characters of the user and password, e.g. '@' as %40 and '%' as %25.");
        }
    }

    /**
     * The URL with the password of its user-info and of any {@code password=} parameter replaced by {@code ****}.
     * Malformed URLs are masked too (no {@code ://}, a password with an unencoded {@code /} or {@code ?}); when in
     * doubt, more is masked rather than less.
     */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        return maskUserInfo(url).replaceAll("(?i)([?&](?:ssl)?password=)[^&]*", "$1****");
    }

    private static String maskUserInfo(String url) {
        int schemeEnd = url.indexOf("://");
        int authorityStart = schemeEnd >= 0 ? schemeEnd + 3 : 0;
        int end = url.length();
        for (int i = authorityStart; i < url.length(); i++) {
            if (url.charAt(i) == '/' || url.charAt(i) == '?') {
                end = i;
                break;
            }
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at < authorityStart) {
            // no user-info in the authority: a password with an unencoded '/' or '?' may reach further
            at = url.lastIndexOf('@');
        }
        if (at < authorityStart) {
            return url;
        }
        // a password with an unencoded '/' or '?' and an '@' before them ("p@ss/word@host"): mask up to the later '@'
        // too, unless a query parameter (name=value) comes first, whose value may hold an '@' of its own
        for (int later = url.indexOf('@', Math.max(at, end) + 1); later >= 0; later = url.indexOf('@', later + 1)) {
            if (url.substring(end, later).contains("=")) {
                break;
            }
            at = later;
        }
        int colon = url.indexOf(':', authorityStart);
        if (colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + "****" + url.substring(at);
    }

    private static SettingsException error(String what, String fix) {
        return new SettingsException(VARIABLE, VARIABLE + " " + what + ". " + fix);
    }
}
