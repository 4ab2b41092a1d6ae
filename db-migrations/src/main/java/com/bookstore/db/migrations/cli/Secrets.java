package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.core.settings.DatabaseSettings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last line of defence: removes passwords from any text the CLI prints. Masks the configured password (from
 * {@code DATABASE_URL} or {@code DATABASE_PASSWORD}) as decoded and as written in the URL (percent-encoded), and the
 * password of any URL in the text ({@code scheme://user:secret@host}, {@code ?password=secret}), which also covers a
 * {@code --url} given on the command line.
 */
final class Secrets {

    /** {@code scheme://user:secret@}: the user-info's password, up to the last '@' before the host. */
    private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s/?#@:]*:)([^\\s]*)@");
    /** {@code password=secret} in a query string or a JDBC property list. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;\\s]*");
    private static final int MIN_LENGTH = 3;
    /** Placeholders of the examples in messages and help ({@code postgresql://user:password@localhost/...}). */
    private static final Set<String> PLACEHOLDERS = Set.of("password", "pw", "secret", "<password>");

    private Secrets() {
    }

    static String mask(String text, ConfigSource config) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets(config)) {
            masked = masked.replace(secret, "****");
        }
        masked = maskUrlPasswords(masked);
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1****");
    }

    /** The user-info password of every URL in the text; the text after the last '@' of the URL (its host) is kept. */
    private static String maskUrlPasswords(String text) {
        Matcher m = URL_PASSWORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String password = m.group(2);
            boolean placeholder = password.equals("****") || PLACEHOLDERS.contains(password);
            m.appendReplacement(out, Matcher.quoteReplacement(placeholder ? m.group() : m.group(1) + "****@"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The configured passwords in every form they may be printed in, longest first. */
    private static List<String> secrets(ConfigSource config) {
        Set<String> secrets = new LinkedHashSet<>();
        try {
            config.get(DatabaseSettings.DATABASE_PASSWORD).ifPresent(secrets::add);
            config.get(DatabaseSettings.DATABASE_URL).ifPresent(url -> secrets.addAll(rawPasswords(url)));
            String password = DatabaseSettings.from(config).password();
            if (password != null) {
                secrets.add(password);
            }
        } catch (RuntimeException e) {
            // no parsable settings: the raw forms above, and the URL patterns, still apply
        }
        for (String secret : new ArrayList<>(secrets)) {
            secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        List<String> sorted = new ArrayList<>(secrets.stream().filter(s -> s.strip().length() >= MIN_LENGTH).toList());
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    /** The password as written in a URL (user-info or {@code password=}), before percent-decoding. */
    private static List<String> rawPasswords(String url) {
        List<String> raw = new ArrayList<>();
        Matcher userInfo = URL_PASSWORD.matcher(url);
        if (userInfo.find()) {
            raw.add(userInfo.group(2));
        }
        Matcher parameter = Pattern.compile("(?i)[?&;]password=([^&;\\s]*)").matcher(url);
        while (parameter.find()) {
            raw.add(parameter.group(1));
        }
        return raw;
    }
}
