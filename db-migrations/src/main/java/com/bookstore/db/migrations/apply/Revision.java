package com.bookstore.db.migrations.apply;

/** One applied revision as recorded in DATABASECHANGELOG: the changeset id, its author and its changelog file. */
public record Revision(String id, String author, String file) {

    /** The changeset's id, author and changelog file. */
    static Revision of(liquibase.changelog.ChangeSet changeSet) {
        return new Revision(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath());
    }

    /** {@code changeset <id> (author <author>) in <file>}: how failures name a revision. */
    public String describe() {
        return "changeset " + id + " (author " + author + ") in " + file;
    }

    /** {@code <id> (<file>)}. */
    @Override
    public String toString() {
        return id + " (" + file + ")";
    }
}
