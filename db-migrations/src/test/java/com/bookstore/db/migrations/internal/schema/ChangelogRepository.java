package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.fixtures.RevisionXml;
import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A git repository with a changelog resource root inside, as in a project, for the tests of what is kept between
 * comparisons: revisions are written, edited and deleted as a developer would, and branches switched with git itself.
 */
final class ChangelogRepository {

    private final Path repository;
    private final Path changelogRoot;

    ChangelogRepository(Path repository) throws IOException {
        this.repository = repository;
        this.changelogRoot = Files.createDirectories(repository.resolve("src/main/resources"));
    }

    Path root() {
        return changelogRoot;
    }

    ChangelogSource source() {
        return ChangelogSource.directory(changelogRoot);
    }

    /** Adds a revision of one changeset running {@code sql}, included by the master changelog. */
    void revision(String file, String sql) {
        revision(changelogRoot, file, sql);
    }

    static void revision(Path root, String file, String sql) {
        new ChangelogDirectory(root).addRevision(file, revisionXml(file, sql));
    }

    static String revisionXml(String id, String sql) {
        return RevisionXml.of(id, sql, null);
    }

    /** A revision whose {@code sql} is run as one statement (a {@code DO} block with semicolons inside). */
    void unsplitRevision(String file, String sql) {
        new ChangelogDirectory(changelogRoot).addRevision(file, RevisionXml.unsplit(file, sql));
    }

    Path revisionFile(String file) {
        return changelogRoot.resolve(ChangelogDirectory.CHANGES_DIR).resolve(file);
    }

    Path master() {
        return changelogRoot.resolve(ChangelogDirectory.MASTER);
    }

    /** The revision {@code file} rewritten to run {@code sql} instead. */
    void edit(String file, String sql) throws IOException {
        Files.writeString(revisionFile(file), revisionXml(file, sql));
    }

    /** {@code from} replaced by {@code to} in the revision {@code file} (a same-size edit when they have one length). */
    void replace(String file, String from, String to) throws IOException {
        Path path = revisionFile(file);
        Files.writeString(path, Files.readString(path).replace(from, to));
    }

    /** The revision {@code file} deleted, and the master changelog given back as {@code master} (read earlier). */
    void delete(String file, String master) throws IOException {
        Files.delete(revisionFile(file));
        Files.writeString(master(), master);
    }

    /** The master changelog given a property {@code name} = {@code value}, for revisions using {@code ${name}}. */
    void property(String name, String value) throws IOException {
        Files.writeString(master(), Files.readString(master()).replace("<include",
                "<property name=\"" + name + "\" value=\"" + value + "\"/>\n    <include"));
    }

    void git(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=test", "-c", "user.email=test@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "git " + String.join(" ", arguments) + ": " + output);
    }

    /** Two branches: {@code main} with r1 (book), {@code feature} with r1 and r2 (author) checked out. */
    void mainAndFeatureBranches() throws Exception {
        git("init", "-q", "-b", "main");
        revision("r1.xml", "create table book (id bigint primary key)");
        git("add", "-A");
        git("commit", "-q", "-m", "r1");
        git("checkout", "-q", "-b", "feature");
        revision("r2.xml", "create table author (id bigint primary key)");
        git("add", "-A");
        git("commit", "-q", "-m", "r2");
    }

    /** {@code table.column} of every column in the public schema but Liquibase's own, in order. */
    static List<String> columns(DatabaseSettings database) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select table_name || '.' || column_name from information_schema.columns"
                     + " where table_schema = 'public' and table_name not like 'databasechangelog%'"
                     + " order by table_name, ordinal_position")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        return columns;
    }
}
