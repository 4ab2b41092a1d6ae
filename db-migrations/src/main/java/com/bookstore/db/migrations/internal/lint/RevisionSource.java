package com.bookstore.db.migrations.internal.lint;

import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One revision to lint: its file (named in the report), the file's text (for its waivers) and its changesets.
 *
 * @param name how the report names it (the path given, or the path relative to the changelog directory)
 * @param directory the directory of the file, for changes that read files next to it
 */
public record RevisionSource(String name, Path directory, String text, List<ChangeSet> changeSets) {

    private static final Pattern PARSE_ERROR = Pattern.compile("Error parsing line (\\d+) column (\\d+) of [^:]+: (.*)",
            Pattern.DOTALL);
    private static final int MAX_MESSAGE = 300;

    public RevisionSource {
        changeSets = List.copyOf(changeSets);
    }

    /** Whether it is a Liquibase formatted-SQL file (its waivers are {@code --} comments). */
    public boolean sql() {
        return name.endsWith(".sql");
    }

    /** Reads and parses a revision file (XML changelog or formatted SQL) as Liquibase would. */
    public static RevisionSource read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LintInputException("No such revision file: " + file + ". Give the path of a revision (e.g. "
                    + "db-migrations/src/main/resources/db/changelog/changes/<revision>.xml), or no path to lint them all.", null);
        }
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".xml") && !fileName.endsWith(".sql")) {
            throw new LintInputException(file + " is not a revision file: lint reads Liquibase XML changelogs (.xml) and "
                    + "formatted-SQL revisions (.sql).", null);
        }
        Path directory = file.toAbsolutePath().getParent();
        try (DirectoryResourceAccessor files = new DirectoryResourceAccessor(directory)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance().getParser(fileName, files)
                    .parse(fileName, new ChangeLogParameters(new ChangeSql().database()), files);
            return new RevisionSource(file.toString(), directory, text, changeLog.getChangeSets());
        } catch (Exception e) { // Liquibase, I/O, and closing the accessor
            throw new LintInputException("Cannot read the revision file " + file + ": " + describe(e) + " Fix the file "
                    + "and run ./migrate lint again.", e);
        }
    }

    /** A revision pending on a database: its changesets as the changelog runner read them. */
    public static RevisionSource pending(Path resourceRoot, String filePath, List<ChangeSet> changeSets) {
        Path file = resourceRoot.resolve(filePath);
        String text;
        try {
            text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new LintInputException("Cannot read the revision file " + file + ": " + e.getMessage(), e);
        }
        return new RevisionSource(filePath, file.toAbsolutePath().getParent(), text, changeSets);
    }

    /**
     * Liquibase's "Error parsing line 3 column 43 of x.xml: ..." as "line 3, column 43: ...", else the innermost
     * message; on one line, without the XML schema's list of every element it would have accepted.
     */
    private static String describe(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() == null || t.getMessage().isBlank()) {
                continue;
            }
            Matcher parse = PARSE_ERROR.matcher(t.getMessage());
            if (parse.find()) {
                message = "line " + parse.group(1) + ", column " + parse.group(2) + ": " + parse.group(3);
                break;
            }
            message = t.getMessage();
        }
        String line = message == null ? failure.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip();
        int list = line.indexOf(". One of '");
        line = list > 0 ? line.substring(0, list) : line;
        line = line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + " …" : line;
        return line.endsWith(".") ? line : line + ".";
    }
}
