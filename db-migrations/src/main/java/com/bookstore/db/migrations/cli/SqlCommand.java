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
                Usage: ./migrate sql [--url <database url>] [--changelog-dir <dir>] [--out-of-order] > upgrade.sql

                Prints to standard output the SQL of every pending revision, including the bookkeeping statements of
                DATABASECHANGELOG, without changing the database (it is only read to know what is pending). Refuses
                what upgrade refuses (revisions this build does not know, pending revisions before applied ones).

                Options:
                """ + DATABASE_OPTIONS + """
                  --out-of-order           print pending revisions that come before applied ones too
                """;
    }

    @Override
    public java.util.Set<String> flagOptions() {
        return java.util.Set.of("out-of-order");
    }

    @Override
    ExitCode run(ChangelogRunner runner, Arguments arguments, CliContext context) throws Exception {
        Writer writer = new OutputStreamWriter(context.out(), StandardCharsets.UTF_8);
        // a refusal is an error paragraph on standard error (exit 1): standard output is the SQL file
        runner.updateSql(writer, arguments.flag("out-of-order"));
        writer.flush();
        return ExitCode.OK;
    }
}
