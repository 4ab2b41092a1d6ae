package com.bookstore.db.migrations.internal.changelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changelogs on disk, under a resource root (by default {@code db-migrations/src/main/resources}): the master
 * {@value #MASTER} and the revision files in {@value #CHANGES_DIR}. The paths Liquibase records in
 * {@code DATABASECHANGELOG} are relative to the resource root, so the same changelog applied from the file system
 * (developers) or from the class path (services, the published jar) is recognised as the same.
 */
public final class ChangelogDirectory {

    public static final String MASTER = "db/changelog/db.changelog-master.xml";
    public static final String CHANGES_DIR = "db/changelog/changes";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern REVISION = Pattern.compile("^(\\d{14})_([a-z0-9_]+)\\.(?:xml|sql)$");
    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"changes/([^\"]+)\"");
    private static final int MAX_SLUG = 60;

    private final Path resourceRoot;

    public ChangelogDirectory(Path resourceRoot) {
        this.resourceRoot = resourceRoot;
    }

    public Path resourceRoot() {
        return resourceRoot;
    }

    public Path masterFile() {
        return resourceRoot.resolve(MASTER);
    }

    public boolean exists() {
        return Files.isRegularFile(masterFile());
    }

    /** Revision file names in the order the master includes them. */
    public List<String> includedRevisions() {
        if (!exists()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Matcher m = INCLUDE.matcher(read(masterFile()));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The file name of a new revision: {@code <UTC timestamp>_<slug>.xml}, later than every included revision even if
     * the clock is behind.
     */
    public String newRevisionName(String message, Instant now) {
        String slug = slug(message);
        Instant stamp = now;
        for (String existing : includedRevisions()) {
            Matcher m = REVISION.matcher(existing);
            if (m.matches()) {
                Instant last = STAMP.parse(m.group(1), Instant::from);
                if (!stamp.isAfter(last)) {
                    stamp = last.plusSeconds(1);
                }
            }
        }
        return STAMP.format(stamp) + "_" + slug + ".xml";
    }

    /** {@code "Add ISBN index!"} → {@code add_isbn_index}; refuses a message with no letter or digit. */
    public static String slug(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("The revision message is empty. Describe the change in a few words, "
                    + "e.g. -m \"add book subtitle\".");
        }
        String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("The revision message '" + message + "' has no letter or digit (a-z, 0-9) "
                    + "to name the file after. Describe the change in words, e.g. -m \"add book subtitle\".");
        }
        return slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG).replaceAll("_+$", "") : slug;
    }

    /** Writes a revision file and appends its include to the master (created when missing). */
    public Path addRevision(String fileName, String content) {
        Path file = resourceRoot.resolve(CHANGES_DIR).resolve(fileName);
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                throw new IllegalStateException(file + " already exists; refusing to overwrite it.");
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
            String include = "    <include file=\"changes/" + fileName + "\" relativeToChangelogFile=\"true\"/>\n";
            String master = exists() ? read(masterFile()) : emptyMaster();
            int end = master.lastIndexOf("</databaseChangeLog>");
            if (end < 0) {
                throw new IllegalStateException(masterFile() + " has no closing </databaseChangeLog>; fix it by hand.");
            }
            try {
                Path next = masterFile().resolveSibling(masterFile().getFileName() + ".tmp");
                Files.writeString(next, master.substring(0, end) + include + master.substring(end), StandardCharsets.UTF_8);
                Files.move(next, masterFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file); // no revision file without its include
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String emptyMaster() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Master changelog of the bookstore schema. Written by `./migrate generate`: every revision is included
                     here, in order. Do not edit applied revisions; generate a new one instead. -->
                <databaseChangeLog
                        xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                </databaseChangeLog>
                """;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
