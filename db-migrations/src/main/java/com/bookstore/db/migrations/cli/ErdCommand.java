package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.internal.diagram.SchemaDiagram;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/** {@code erd}: the Mermaid entity-relationship diagram of the model, per module, in {@code docs/schema.md}. */
final class ErdCommand implements Command {

    @Override
    public String name() {
        return "erd";
    }

    @Override
    public String summary() {
        return "write the entity-relationship diagram of the model (Mermaid, per module) to docs/schema.md";
    }

    @Override
    public String help() {
        return """
                Usage: ./migrate erd [--output <file>]

                Writes a Mermaid erDiagram per domain module of the tables the registered entities map to: columns
                with their PostgreSQL types, PK/FK/UK markers and one relationship per foreign key with its
                cardinality. Built from Hibernate's mapping model; no database needed. A test (SchemaDiagramTest)
                fails the build when the committed page is out of date.

                Options:
                  --output <file>    where to write it (default docs/schema.md at the repository root)

                Example: ./migrate erd
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("output");
    }

    @Override
    public ExitCode run(Arguments arguments, CliContext context) throws Exception {
        Path output = arguments.value("output").map(Path::of).orElseGet(() -> {
            String root = System.getProperty("bookstore.root");
            return (root == null ? Path.of("") : Path.of(root)).resolve("docs/schema.md");
        }).toAbsolutePath();
        String page = SchemaDiagram.markdown(context.registry().get());
        if (Files.exists(output) && Files.readString(output, StandardCharsets.UTF_8).equals(page)) {
            context.out().println(output + " is up to date.");
            return ExitCode.OK;
        }
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Path next = output.resolveSibling(output.getFileName() + ".tmp");
        Files.writeString(next, page, StandardCharsets.UTF_8);
        Files.move(next, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        context.out().println("Wrote " + output + ".");
        return ExitCode.OK;
    }
}
