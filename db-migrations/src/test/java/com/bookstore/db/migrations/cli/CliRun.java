package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.ConfigSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;

/** One {@code ./migrate} command run in process on a changelog root, with its exit code and output. */
record CliRun(ExitCode exit, String out, String err) {

    String all() {
        return out + err;
    }

    static CliRun run(Path changelogRoot, Map<String, String> env, Supplier<EntityRegistry> registry, Instant now,
            String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ConfigSource.of(env), registry, changelogRoot,
                Clock.fixed(now, ZoneOffset.UTC));
        ExitCode exit = MigrateCli.run(args, context);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
