package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;

import java.nio.file.Path;
import java.util.Set;

/**
 * {@code revision -m "message"}: Alembic's plain {@code revision} (without {@code --autogenerate}). Writes an empty,
 * correctly named revision, included from the master, for what {@code generate} cannot see: data migrations, views,
 * functions, grants. Applied untouched, it does nothing.
 */
final class RevisionCommand implements Command {

    @Override
    public String name() {
        return "revision";
    }

    @Override
    public String summary() {
        return "write an empty revision to fill in by hand (data backfill, view, function, grant)";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate revision -m "<message>" [--author <name>] [--sql] [--changelog-dir <dir>]

                Writes changes/<UTC yyyyMMddHHmmss>_<slug>.xml, included from the master changelog, holding one
                changeset (id = file name) with a commented <sql> placeholder and a <rollback> section: fill in both
                for what generate cannot see (data backfills, views, functions, triggers, grants). Nothing is compared
                and no database is needed. Left untouched, the revision applies and rolls back without doing anything.
                Use generate instead for changes to the entities: it writes the DDL and its rollback for you.

                Options:
                  -m, --message <text>       what the revision does; names the file (required)
                  --author <name>            changeset author (default: MIGRATIONS_AUTHOR, git user.name, OS user)
                  --sql                      write a Liquibase formatted-SQL file (<...>.sql) instead of XML
                  --changelog-dir <dir>      resource root holding db/changelog (default db-migrations/src/main/resources)

                Example: ./migrate revision -m "backfill book slugs"
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("m", "message", "author", "changelog-dir");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("sql");
    }

    @Override
    public ExitCode run(Arguments arguments, CliContext context) {
        String message = arguments.value("m").or(() -> arguments.value("message")).orElseThrow(() -> new UsageException(
                "revision needs a message: ./migrate revision -m \"backfill book slugs\"."));
        String author = arguments.value("author").orElseGet(() -> Authors.defaultAuthor(context.config()));
        ChangelogDirectory directory = context.changelogDirectory(arguments);
        String xmlName = directory.newRevisionName(message, context.clock().instant());
        String id = xmlName.substring(0, xmlName.length() - ".xml".length());
        boolean sql = arguments.flag("sql");
        String fileName = sql ? id + ".sql" : xmlName;
        Path file = directory.addRevision(fileName, sql ? formattedSql(id, author, message) : xml(id, author, message));
        context.out().println("Wrote " + file + " (empty). Fill in the change and its rollback, then apply it with "
                + "./migrate upgrade.");
        return ExitCode.OK;
    }

    static String xml(String id, String author, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by `./migrate revision`: fill in the change and its rollback. The whole changeset runs in one
                     transaction. Once applied somewhere, do not edit it: write a new revision instead. -->
                <databaseChangeLog
                        xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                    <changeSet id="%s" author="%s">
                        <comment>%s</comment>
                        <!-- The change: uncomment and write the SQL (or use any Liquibase change), e.g.
                        <sql>
                            create view book_title as select id, title from book;
                            update book set stock = 0 where stock is null;
                        </sql>
                        -->
                        <rollback>
                            <!-- How to undo it (./migrate rollback): uncomment and write the SQL, e.g.
                            <sql>
                                drop view book_title;
                            </sql>
                            -->
                        </rollback>
                    </changeSet>
                </databaseChangeLog>
                """.formatted(escape(id), escape(author), escape(message));
    }

    static String formattedSql(String id, String author, String message) {
        String oneLine = message.replaceAll("[\\r\\n]+", " ");
        return """
                --liquibase formatted sql
                -- Written by `./migrate revision --sql`: write the change below the changeset line and its rollback on
                -- --rollback lines. The whole changeset runs in one transaction. Once applied somewhere, do not edit it.

                --changeset %s:%s
                --comment: %s
                select 1; -- placeholder: replace with the change, e.g. create view book_title as select id, title from book;
                --rollback select 1; -- placeholder: replace with how to undo it, e.g. drop view book_title;
                """.formatted(author.contains(" ") ? "\"" + author.replace("\"", "") + "\"" : author, id, oneLine);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
