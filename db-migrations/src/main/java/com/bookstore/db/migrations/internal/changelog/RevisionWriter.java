package com.bookstore.db.migrations.internal.changelog;

import liquibase.change.Change;
import com.bookstore.db.migrations.internal.schema.SchemaChange;
import liquibase.changelog.ChangeSet;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.precondition.core.SqlPrecondition;
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

    /**
     * @param prechecks queries that return {@value SchemaChange#PRECHECK_PASSED} when the rows allow the revision; each
     *        becomes an {@code <sqlCheck>} precondition that halts {@code upgrade} before the revision runs
     */
    /**
     * Liquibase's serializer writes {@code <preConditions>} after the changeset's {@code <comment>}, where its own XSD
     * refuses it; the schema wants it first.
     */
    private static String preconditionsFirst(String xml) {
        int comment = xml.indexOf("<comment>");
        int start = xml.indexOf("<preConditions");
        if (comment < 0 || start < 0 || start < comment) {
            return xml;
        }
        int end = xml.indexOf("</preConditions>", start) + "</preConditions>".length();
        int lineStart = xml.lastIndexOf('\n', start) + 1;
        int commentLineStart = xml.lastIndexOf('\n', comment) + 1;
        String block = xml.substring(lineStart, end) + "\n";
        String without = xml.substring(0, lineStart) + xml.substring(end + 1);
        return without.substring(0, commentLineStart) + block + without.substring(commentLineStart);
    }

    /** The changeset id of a revision: its file name without {@code .xml}. */
    public static String changeSetId(String fileName) {
        return fileName.endsWith(".xml") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    public static String render(String fileName, String author, String message, List<Change> forward, List<Change> rollback,
            List<String> prechecks) {
        String id = changeSetId(fileName);
        ChangeSet changeSet = new ChangeSet(id, author, false, false, null, null, null, null);
        changeSet.setComments(message);
        forward.forEach(changeSet::addChange);
        if (!prechecks.isEmpty()) {
            PreconditionContainer preconditions = new PreconditionContainer();
            preconditions.setOnFail(PreconditionContainer.FailOption.HALT.name());
            preconditions.setOnError(PreconditionContainer.ErrorOption.HALT.name());
            preconditions.setOnSqlOutput(PreconditionContainer.OnSqlOutputOption.IGNORE.name());
            for (String precheck : prechecks) {
                SqlPrecondition check = new SqlPrecondition();
                check.setExpectedResult(SchemaChange.PRECHECK_PASSED);
                check.setSql(precheck);
                preconditions.addNestedPrecondition(check);
            }
            changeSet.setPreconditions(preconditions);
        }
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
        return preconditionsFirst(out.toString(StandardCharsets.UTF_8));
    }
}
