package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.apply.ChangelogRunner;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** {@code sql}: the SQL of the pending revisions, for a DBA to review or run (offline mode). */
final class SqlCommand extends DatabaseCommand {

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public String summary() {
        return "print the SQL that upgrade would run, without running it";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate sql [--url <database url>] [--changelog-dir <dir>] > upgrade.sql

                Prints to standard output the SQL of every pending revision, including the bookkeeping statements of
                DATABASECHANGELOG, without changing the database (it is only read to know what is pending).

                Options:
                """ + DATABASE_OPTIONS;
    }

    @Override
    ExitCode run(ChangelogRunner runner, Arguments arguments, CliContext context) throws Exception {
        Writer writer = new OutputStreamWriter(context.out(), StandardCharsets.UTF_8);
        runner.updateSql(writer);
        writer.flush();
        return ExitCode.OK;
    }
}
