package com.bookstore.db.core.internal;

import com.bookstore.db.core.settings.SettingsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file: {@code KEY=value} lines, optional {@code export }, {@code #} comments, single or double quotes.
 * A missing file is an empty one; a malformed line is an error naming the file and line (never the value).
 */
public final class DotEnvFile {

    private static final Pattern LINE = Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)$");

    private final Map<String, String> values;

    private DotEnvFile(Map<String, String> values) {
        this.values = values;
    }

    public static DotEnvFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new DotEnvFile(Map.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException(".env", "Cannot read " + file.toAbsolutePath() + ": " + e.getMessage()
                    + ". Fix its permissions or remove it.");
        }
        return new DotEnvFile(parse(lines, file));
    }

    static Map<String, String> parse(List<String> lines, Path file) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // byte order mark, as editors on Windows write it
            }
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new SettingsException(".env", "Line " + (i + 1) + " of " + file.toAbsolutePath()
                        + " is not of the form KEY=value; fix or remove that line.");
            }
            values.put(m.group(1), unquote(m.group(2).strip(), file, i + 1, m.group(1)));
        }
        return values;
    }

    private static String unquote(String raw, Path file, int lineNumber, String key) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            char quote = raw.charAt(0);
            int end = raw.indexOf(quote, 1);
            if (end < 0) {
                throw new SettingsException(key, "The value of " + key + " on line " + lineNumber + " of "
                        + file.toAbsolutePath() + " opens a quote (" + quote + ") that is never closed; close it.");
            }
            return raw.substring(1, end);
        }
        int comment = raw.indexOf(" #");
        return comment >= 0 ? raw.substring(0, comment).strip() : raw;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
