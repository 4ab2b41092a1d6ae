package com.bookstore.db.migrations.benchmark;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.apply.LiquibaseDefaults;
import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;
import com.bookstore.db.migrations.internal.changelog.RevisionGenerator;
import com.bookstore.db.migrations.internal.schema.LiquibaseDatabases;
import com.bookstore.db.migrations.internal.schema.Progress;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import com.bookstore.db.migrations.internal.schema.ShadowComparison;
import liquibase.database.Database;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * In-process benchmark of {@code generate} and {@code check} (and {@code check --live}) on the bookstore model and on
 * synthetic models of any size, side by side with plain liquibase-hibernate6 on the same model and database. A main
 * in the test sources, not a test: it takes minutes and its figures depend on the machine, so it never runs in
 * {@code mvn verify}. How to run it, and the figures, are in {@code docs/benchmarks.md}.
 *
 * <p>Arguments: the models ({@code bookstore} or an entity count; default {@code bookstore 50 200 500}) and
 * {@code --reps=<n>} (default 3; every figure is the median over the repetitions). Each measurement starts its own
 * shadow PostgreSQL, as the CLI does, so that the server start is included.
 */
public final class MigrationBenchmark {

    // Rows of the tables: the Progress steps of ShadowComparison, plus what this benchmark measures itself.
    private static final String START = "shadow PostgreSQL start";
    private static final String APPLY = "changelog apply";
    private static final String MODEL = "model build (Hibernate metadata + DDL into shadow)";
    private static final String COMPARE = "snapshot + compare (whole step)";
    private static final String SNAPSHOTS = "  of which 2 snapshots (re-measured after the step)";
    private static final String DIFF = "  of which diff + change generation (rest)";
    private static final String STOP = "shadow PostgreSQL stop";
    private static final String TOTAL = "total wall time";

    private static final String[] ROWS = {START, APPLY, MODEL, COMPARE, SNAPSHOTS, DIFF, STOP, TOTAL};

    private final int reps;
    private final Path work;
    private final StringBuilder report = new StringBuilder();

    private MigrationBenchmark(int reps, Path work) {
        this.reps = reps;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        LiquibaseDefaults.apply();
        int reps = 3;
        List<String> models = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--reps=")) {
                reps = Integer.parseInt(arg.substring("--reps=".length()));
            } else {
                models.add(arg);
            }
        }
        if (models.isEmpty()) {
            models = List.of("bookstore", "50", "200", "500");
        }
        Path work = Files.createTempDirectory("migration-benchmark");
        MigrationBenchmark benchmark = new MigrationBenchmark(reps, work);
        System.out.printf("# Migration benchmark: %d core(s), Java %s, %d repetition(s), work dir %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), reps, work);
        benchmark.warmUp();
        for (String model : models) {
            benchmark.run(model);
        }
        System.out.println();
        System.out.println(benchmark.report);
    }

    /** One unreported round on a tiny model: the first measurements of a JVM pay class loading and JIT compilation. */
    private void warmUp() throws Exception {
        long start = System.nanoTime();
        SyntheticModel model = SyntheticModel.generate(5, work.resolve("warm-up-model"));
        // Hibernate resolves entity classes by name through the thread context class loader.
        Thread.currentThread().setContextClassLoader(model.classLoader());
        Path changelogs = generate(model.registry(), work.resolve("warm-up-changelogs")).changelogs();
        check(model.registry(), changelogs);
        try (ScratchDatabases server = ScratchDatabases.embedded()) {
            DatabaseSettings target = migrated(server, changelogs);
            checkLive(model.registry(), target);
            StockLiquibaseHibernateDiff.measure(model, target);
        }
        System.out.printf("warm-up (5 entities): %d ms%n%n", millisSince(start));
    }

    private void run(String name) throws Exception {
        long start = System.nanoTime();
        Path dir = work.resolve("model-" + name);
        SyntheticModel model = name.equals("bookstore")
                ? SyntheticModel.existing("bookstore", EntityRegistry.discover().entityClasses(), dir)
                : SyntheticModel.generate(Integer.parseInt(name), dir);
        Thread.currentThread().setContextClassLoader(model.classLoader());
        EntityRegistry registry = model.registry();
        String title = name.equals("bookstore") ? "bookstore model (" + model.entityClasses().size() + " entities)"
                : model.name() + " (synthetic)";
        String loadBefore = loadAverage();
        System.out.printf("== %s: classes ready in %d ms, load average %s%n", title, millisSince(start), loadBefore);

        List<Map<String, Long>> generates = new ArrayList<>();
        Path changelogs = null;
        int baselineChanges = 0;
        for (int i = 0; i < reps; i++) {
            Generated generated = generate(registry, dir.resolve("changelogs-" + i));
            generates.add(generated.millis());
            changelogs = generated.changelogs();
            baselineChanges = generated.changes();
            progress("generate", i, generated.millis());
        }
        List<Map<String, Long>> checks = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            checks.add(check(registry, changelogs));
            progress("check", i, checks.get(i));
        }
        List<Map<String, Long>> lives = new ArrayList<>();
        List<StockLiquibaseHibernateDiff.Result> stock = new ArrayList<>();
        int pluginChangeSets;
        try (ScratchDatabases server = ScratchDatabases.embedded()) {
            DatabaseSettings target = migrated(server, changelogs);
            for (int i = 0; i < reps; i++) {
                lives.add(checkLive(registry, target));
                progress("check --live", i, lives.get(i));
            }
            for (int i = 0; i < reps; i++) {
                long t = System.nanoTime();
                StockLiquibaseHibernateDiff.Result result = StockLiquibaseHibernateDiff.measure(model, target);
                Map<String, Long> millis = new LinkedHashMap<>(result.millis());
                millis.put(TOTAL, millisSince(t));
                stock.add(new StockLiquibaseHibernateDiff.Result(millis, result.changeSets(), result.changeTypes()));
                progress("liquibase-hibernate6", i, millis);
            }
            pluginChangeSets = StockLiquibaseHibernateDiff.pluginChangeSets(model, target,
                    dir.resolve("liquibase-diff-changelog.xml"));
        }
        report.append(table(title, baselineChanges, generates, checks, lives, stock, pluginChangeSets));
        report.append("Load average (1, 5, 15 min) before / after: ").append(loadBefore).append(" / ")
                .append(loadAverage()).append("\n\n");
        System.out.printf("== %s done in %.1f s%n%n", title, millisSince(start) / 1000.0);
    }

    private record Generated(Map<String, Long> millis, Path changelogs, int changes) {
    }

    /** {@code generate} on an empty history: the baseline revision of the whole model. */
    private Generated generate(EntityRegistry registry, Path changelogRoot) throws Exception {
        RevisionGenerator.Request request = new RevisionGenerator.Request("baseline", "benchmark", true, List.of(),
                Instant.now());
        Measured<RevisionGenerator.Result> run = onFreshShadow(null, (shadow, progress) ->
                RevisionGenerator.generate(registry, new ChangelogDirectory(changelogRoot), request, shadow, progress));
        if (run.result().outcome() != RevisionGenerator.Outcome.WRITTEN) {
            throw new IllegalStateException("generate on an empty history wrote nothing: " + run.result().outcome());
        }
        return new Generated(run.millis(), changelogRoot, run.result().review().findings().size());
    }

    /** {@code check}: the model against what the changelogs build; must find nothing. */
    private Map<String, Long> check(EntityRegistry registry, Path changelogRoot) throws Exception {
        Measured<SchemaDiff> run = onFreshShadow(null, (shadow, progress) -> ShadowComparison.modelVersusChangelogs(
                registry, ChangelogSource.directory(changelogRoot), shadow, progress));
        requireEmpty(run.result(), "check");
        return run.millis();
    }

    /** {@code check --live}: the model against a migrated database, the same job as {@code liquibase:diff}. */
    private Map<String, Long> checkLive(EntityRegistry registry, DatabaseSettings live) throws Exception {
        Measured<SchemaDiff> run = onFreshShadow(live, (shadow, progress) ->
                ShadowComparison.modelVersusDatabase(registry, live, shadow, progress));
        requireEmpty(run.result(), "check --live");
        return run.millis();
    }

    private interface ShadowWork<T> {
        T run(ScratchDatabases shadow, Progress progress) throws Exception;
    }

    private record Measured<T>(T result, Map<String, Long> millis) {
    }

    /**
     * Runs {@code work} as the CLI does (fresh shadow server, started and stopped within the measurement), with the
     * snapshots re-measured before the server stops; that re-measurement is left out of the total.
     */
    private static <T> Measured<T> onFreshShadow(DatabaseSettings live, ShadowWork<T> work) throws Exception {
        Progress progress = Progress.silent();
        long start = System.nanoTime();
        ScratchDatabases shadow = progress.step("starting shadow PostgreSQL", ScratchDatabases::embedded);
        T result;
        long workMillis;
        Map<String, Long> measured;
        long stop;
        try {
            result = work.run(shadow, progress);
            workMillis = millisSince(start);
            measured = snapshotsOf(shadow, live);
        } finally {
            stop = System.nanoTime();
            shadow.close();
        }
        long stopMillis = millisSince(stop);
        measured.put(STOP, stopMillis);
        measured.put(TOTAL, workMillis + stopMillis);
        return new Measured<>(result, rows(progress, measured));
    }

    private static void requireEmpty(SchemaDiff diff, String what) {
        if (!diff.isEmpty()) {
            throw new IllegalStateException(what + " found differences on a matching schema: " + diff.review().findings());
        }
    }

    /** A database on {@code server} migrated by the changelogs: the "live" database of the last two columns. */
    private static DatabaseSettings migrated(ScratchDatabases server, Path changelogRoot) throws Exception {
        DatabaseSettings target = server.create("target");
        try (ChangelogRunner runner = ChangelogRunner.open(ChangelogSource.directory(changelogRoot), target)) {
            LiquibaseDefaults.quietly(runner::update);
        }
        return target;
    }

    /**
     * The comparing step snapshots each side once (both diffs, forward and reverse, run on the same two snapshots), and
     * Liquibase has no hook to time a snapshot inside it. So, right after the step, the same two snapshots (all
     * standard object types, as {@code SchemaComparator} takes them) are taken again on the same databases and timed. {@code current} is the live database, or null for the shadow's migrated database.
     */
    private static Map<String, Long> snapshotsOf(ScratchDatabases shadow, DatabaseSettings current) throws Exception {
        DatabaseSettings probe = shadow.create("probe");
        DatabaseSettings model = null;
        try (Connection connection = MigrationConnections.unpooled(probe).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select datname from pg_database where datname like 'model\\_%' or datname like 'migrated\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.startsWith("model_")) {
                    model = probe.withDatabase(name);
                } else if (current == null) {
                    current = probe.withDatabase(name);
                }
            }
        }
        Database wanted = LiquibaseDatabases.open(model);
        Database other = LiquibaseDatabases.open(current);
        try {
            long start = System.nanoTime();
            for (Database database : List.of(wanted, other)) {
                SnapshotGeneratorFactory.getInstance().createSnapshot(database.getDefaultSchema(), database,
                        new SnapshotControl(database));
            }
            Map<String, Long> result = new LinkedHashMap<>();
            result.put(SNAPSHOTS, millisSince(start));
            return result;
        } finally {
            LiquibaseDatabases.closeQuietly(wanted);
            LiquibaseDatabases.closeQuietly(other);
        }
    }

    /** The Progress steps under the row names, with the separately measured rows. */
    private static Map<String, Long> rows(Progress progress, Map<String, Long> measured) {
        Map<String, Long> rows = new LinkedHashMap<>();
        progress.orderedTimings().forEach((step, millis) -> rows.put(row(step), millis));
        rows.putAll(measured);
        if (rows.containsKey(COMPARE)) {
            rows.put(DIFF, Math.max(0, rows.get(COMPARE) - rows.get(SNAPSHOTS)));
        }
        return rows;
    }

    private static String row(String step) {
        if (step.startsWith("starting shadow")) {
            return START;
        } else if (step.startsWith("applying changelogs")) {
            return APPLY;
        } else if (step.startsWith("creating model schema")) {
            return MODEL;
        } else if (step.startsWith("comparing model with")) {
            return COMPARE;
        }
        return step;
    }

    private static void progress(String what, int rep, Map<String, Long> millis) {
        System.out.printf("  %-21s #%d: %s%n", what, rep + 1, millis);
    }

    private String table(String title, int baselineChanges, List<Map<String, Long>> generates,
            List<Map<String, Long>> checks, List<Map<String, Long>> lives,
            List<StockLiquibaseHibernateDiff.Result> stock, int pluginChangeSets) {
        List<Map<String, Long>> stockMillis = stock.stream().map(StockLiquibaseHibernateDiff.Result::millis).toList();
        StringBuilder t = new StringBuilder();
        t.append("### ").append(title).append(", median of ").append(reps).append(" (ms)\n\n");
        t.append("| step | generate (empty history) | check | check --live | step of liquibase-hibernate6 diff | ms |\n");
        t.append("|---|---:|---:|---:|---|---:|\n");
        String[] stockRows = {null, null, StockLiquibaseHibernateDiff.OPEN_REFERENCE,
                null, StockLiquibaseHibernateDiff.REFERENCE_SNAPSHOT + " + " + StockLiquibaseHibernateDiff.TARGET_SNAPSHOT,
                StockLiquibaseHibernateDiff.COMPARE + " + " + StockLiquibaseHibernateDiff.CHANGE_SETS, null, TOTAL};
        Function<String, String> stockCell = row -> {
            if (row == null) {
                return "| | |";
            }
            long sum = 0;
            for (String part : row.split(" \\+ ")) {
                Long value = median(stockMillis, part);
                sum += value == null ? 0 : value;
            }
            return "| " + row + " | " + sum + " |";
        };
        for (int i = 0; i < ROWS.length; i++) {
            t.append("| ").append(ROWS[i].strip()).append(" | ").append(cell(generates, ROWS[i])).append(" | ")
                    .append(cell(checks, ROWS[i])).append(" | ").append(cell(lives, ROWS[i])).append(" ")
                    .append(stockCell.apply(stockRows[i])).append('\n');
        }
        StockLiquibaseHibernateDiff.Result last = stock.get(stock.size() - 1);
        t.append("| changes found | ").append(baselineChanges).append(" (the baseline) | 0 | 0 | changesets on the matching database | ")
                .append(last.changeSets()).append(" |\n\n");
        t.append("liquibase-hibernate6 changes by type: ").append(last.changeTypes())
                .append("; changesets in the file written by the plugin's own diffChangeLog call: ")
                .append(pluginChangeSets).append("\n\n");
        return t.toString();
    }

    private static String cell(List<Map<String, Long>> runs, String row) {
        Long median = median(runs, row);
        return median == null ? "-" : Long.toString(median);
    }

    private static Long median(List<Map<String, Long>> runs, String key) {
        List<Long> values = runs.stream().map(m -> m.get(key)).filter(v -> v != null).sorted().toList();
        if (values.isEmpty()) {
            return null;
        }
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** The first three fields of /proc/loadavg (other builds may share the machine), or "n/a". */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
