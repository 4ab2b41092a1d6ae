package com.bookstore.db.migrations.internal.changelog;

import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders one revision: a single changeset (id = file name without {@code .xml}, so ids are deterministic and
 * unique), its forward changes, and its rollback. One changeset per revision means PostgreSQL applies the whole
 * revision in one transaction: it lands completely or not at all.
 */
public final class RevisionWriter {

    private RevisionWriter() {
    }

    public static String render(String fileName, String author, String message, List<Change> forward, List<Change> rollback) {
        String id = fileName.endsWith(".xml") ? fileName.substring(0, fileName.length() - 4) : fileName;
        ChangeSet changeSet = new ChangeSet(id, author, false, false, null, null, null, null);
        changeSet.setComments(message);
        forward.forEach(changeSet::addChange);
        if (rollback.isEmpty()) {
            changeSet.addRollbackChange(new liquibase.change.core.EmptyChange());
        } else {
            rollback.forEach(changeSet::addRollbackChange);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XMLChangeLogSerializer().write(List.of(changeSet), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
