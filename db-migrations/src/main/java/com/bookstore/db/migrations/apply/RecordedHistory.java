package com.bookstore.db.migrations.apply;

import liquibase.exception.DatabaseException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DATABASECHANGELOG as recorded right now, read with SQL rather than from Liquibase's cached copy: what an upgrade
 * really recorded, and how ({@code EXECUTED}, {@code MARK_RAN}, ...).
 */
final class RecordedHistory {

    /** One row: the changeset and how it was executed. */
    record Row(Revision revision, String execType) {
    }

    private RecordedHistory() {
    }

    /** Every row, oldest first (a row recorded twice, by hand, is listed twice). */
    static List<Row> rows(Connection connection) throws DatabaseException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select id, author, filename, exectype from databasechangelog "
                     + "order by orderexecuted, dateexecuted")) {
            while (rs.next()) {
                rows.add(new Row(new Revision(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the migration history (databasechangelog): " + e.getMessage(), e);
        }
        return rows;
    }

    /** The execution type of each recorded changeset, by {@link #key}. */
    static Map<String, String> execTypes(Connection connection) throws DatabaseException {
        Map<String, String> types = new HashMap<>();
        rows(connection).forEach(row -> types.put(key(row.revision()), row.execType()));
        return types;
    }

    /**
     * A changeset's identity as Liquibase compares it ({@code RanChangeSet.isSameAs}): id, author and the file,
     * normalised by Liquibase and compared without case.
     */
    static String key(Revision revision) {
        return revision.id() + "::" + revision.author() + "::"
                + liquibase.changelog.DatabaseChangeLog.normalizePath(revision.file()).toLowerCase(java.util.Locale.ROOT);
    }
}
