package com.bookstore.db.migrations.apply;

import liquibase.exception.DatabaseException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DATABASECHANGELOG as recorded right now, read with SQL rather than from Liquibase's cached copy: what an upgrade
 * really recorded, and how ({@code EXECUTED}, {@code MARK_RAN}, ...).
 */
final class RecordedHistory {

    private RecordedHistory() {
    }

    /** Every recorded changeset with its execution type, oldest first. */
    static Map<Revision, String> execTypesInOrder(Connection connection) throws DatabaseException {
        Map<Revision, String> types = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select id, author, filename, exectype from databasechangelog "
                     + "order by orderexecuted, dateexecuted")) {
            while (rs.next()) {
                types.put(new Revision(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4));
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the migration history (databasechangelog): " + e.getMessage(), e);
        }
        return types;
    }

    /** The execution type of each recorded changeset, by {@link #key}. */
    static Map<String, String> execTypes(Connection connection) throws DatabaseException {
        Map<String, String> types = new HashMap<>();
        execTypesInOrder(connection).forEach((revision, type) -> types.put(key(revision), type));
        return types;
    }

    /** A changeset's identity as Liquibase compares it: id, author and file, the file without a classpath prefix. */
    static String key(Revision revision) {
        String file = revision.file().replace('\\', '/').replaceFirst("^classpath:", "").replaceFirst("^/+", "");
        return revision.id() + "::" + revision.author() + "::" + file;
    }
}
