package com.bookstore.db.migrations.internal.changelog;

import com.bookstore.db.migrations.internal.schema.RevisionPlan;
import com.bookstore.db.migrations.internal.schema.SchemaChange;
import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.precondition.core.SqlPrecondition;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders one revision file: its changesets in order ({@link RevisionPlan}), the first one's id the file name without
 * {@code .xml} (so ids are deterministic and unique), the next ones' that id with {@code -2}, {@code -3}... A revision
 * of ordinary changes is a single changeset, applied by PostgreSQL in one transaction: it lands completely or not at
 * all. The safe forms of changes on existing tables add changesets: one per {@code CONCURRENTLY} statement
 * ({@code runInTransaction="false"}), one per later validation step.
 */
public final class RevisionWriter {

    private RevisionWriter() {
    }

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

    /** The id of the {@code index}-th changeset (from 0) of a revision file. */
    public static String changeSetId(String fileName, int index) {
        return changeSetId(fileName) + (index == 0 ? "" : "-" + (index + 1));
    }

    /**
     * @param plan the revision's changesets; each pre-check becomes an {@code <sqlCheck>} precondition of its changeset
     *        that halts {@code upgrade} before it runs
     */
    public static String render(String fileName, String author, String message, RevisionPlan plan) {
        List<ChangeSet> changeSets = new ArrayList<>();
        int count = plan.changesets().size();
        for (int i = 0; i < count; i++) {
            RevisionPlan.Changeset planned = plan.changesets().get(i);
            ChangeSet changeSet = new ChangeSet(changeSetId(fileName, i), author, false, false, null, null, null,
                    planned.inTransaction(), null);
            changeSet.setComments(count == 1 ? message : message + " (" + (i + 1) + "/" + count + ")");
            sql(planned.forward()).forEach(changeSet::addChange);
            if (!planned.prechecks().isEmpty()) {
                changeSet.setPreconditions(preconditions(planned.prechecks()));
            }
            if (planned.rollback().isEmpty()) {
                changeSet.addRollbackChange(new liquibase.change.core.EmptyChange());
            } else {
                sql(planned.rollback()).forEach(changeSet::addRollbackChange);
            }
            changeSets.add(changeSet);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XMLChangeLogSerializer().write(changeSets, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return preconditionsFirst(out.toString(StandardCharsets.UTF_8));
    }

    private static PreconditionContainer preconditions(List<String> prechecks) {
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
        return preconditions;
    }

    /** One {@code <sql>} per text, run as written: not split, comments kept. */
    private static List<Change> sql(List<String> texts) {
        List<Change> changes = new ArrayList<>();
        for (String text : texts) {
            RawSQLChange change = new RawSQLChange(text);
            change.setSplitStatements(false);
            change.setStripComments(false);
            changes.add(change);
        }
        return changes;
    }
}
