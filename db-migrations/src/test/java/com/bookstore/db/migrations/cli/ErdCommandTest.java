package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.migrations.fixtures.roundtrip.RoundTripEntities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./migrate erd} writes the diagram of the registry it is given; the new commands are listed with --help. */
class ErdCommandTest {

    @TempDir
    Path dir;

    private String[] run(ExitCode expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ConfigSource.of(Map.of()),
                () -> EntityRegistry.of(new RoundTripEntities()), dir, Clock.systemUTC());
        ExitCode exit = MigrateCli.run(args, context);
        String[] result = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        assertEquals(expected, exit, result[0] + result[1]);
        return result;
    }

    @Test
    void erd_writes_the_diagram_of_the_registry_then_reports_it_up_to_date() throws Exception {
        Path page = dir.resolve("docs/schema.md");
        String[] first = run(ExitCode.OK, "erd", "--output", page.toString());
        assertTrue(first[0].startsWith("Wrote "), first[0]);
        String markdown = Files.readString(page);
        assertTrue(markdown.contains("## roundtrip\n") && markdown.contains("```mermaid\nerDiagram\n"), markdown);
        assertTrue(markdown.contains("    shelf {\n        bigint id PK\n"), markdown);
        assertTrue(markdown.contains("varchar(80) label \"not null\""), markdown);
        assertTrue(run(ExitCode.OK, "erd", "--output", page.toString())[0].contains("is up to date"));
    }

    @Test
    void help_lists_revision_baseline_and_erd() {
        String overview = run(ExitCode.OK, "--help")[0];
        for (String command : List.of("revision", "baseline", "erd")) {
            assertTrue(overview.contains("  " + command + " "), overview);
            assertTrue(run(ExitCode.OK, command, "--help")[0].startsWith("Usage: ./migrate " + command));
        }
        assertTrue(run(ExitCode.USAGE_OR_CONFIGURATION, "erd", "--to", "x")[1].contains("'erd' has no option --to"));
    }
}
