package com.bookstore.db.migrations.benchmark;

import com.bookstore.db.core.embedded.ScratchDatabases;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.apply.LiquibaseDefaults;
import com.bookstore.db.migrations.internal.changelog.ChangelogDirectory;
import com.bookstore.db.migrations.internal.changelog.RevisionGenerator;
import com.bookstore.db.migrations.internal.schema.Progress;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import com.bookstore.db.migrations.internal.schema.ShadowComparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-process benchmark of {@code generate} and {@code check} (and {@code check --live}) on the bookstore model and on
 * synthetic models of any size, side by side with plain liquibase-hibernate6 on the same model and database. A main
 * in the test sources, not a test: it takes minutes and its figures depend on the machine, so it never runs in
 * {@code mvn verify}. How to run it, and the figures, are in {@code docs/benchmarks.md}.
 *
 * <p>Every measurement goes through the same entry points as the CLI ({@link RevisionGenerator#generate(EntityRegistry,
 * ChangelogDirectory, RevisionGenerator.Request, Progress)}, {@link ShadowComparison#modelVersusChangelogs(EntityRegistry,
 * ChangelogSource, Progress)}, {@link ShadowComparison#modelVersusDatabase(EntityRegistry, DatabaseSettings, Progress)}):
 * each starts and stops its own shadow server, from the templates of a directory private to the run. {@code check} is
 * measured twice: right after a change of the changelog files (the migrated shadow is built and kept), and with the
 * changelogs unchanged since the previous run (the kept shadow is reused), the usual case.
 *
 * <p>Arguments: the models ({@code bookstore} or an entity count; default {@code bookstore 50 200 500 1000 2000}),
 * {@code --reps=<n>} (default 3; every figure is the median over the repetitions) and {@code --stock-max=<n>}
 * (default 500: plain liquibase-hibernate6 is measured on models up to that many entities).
 */
public final class MigrationBenchmark {

    // Rows of the tables: the Progress steps of the commands, plus what this benchmark measures itself.
    private static final String START = "shadow PostgreSQL start";
    private static final String APPLY = "changelog apply";
    private static final String KEEP = "keeping the migrated shadow (stop, copy, restart)";
    private static final String MODEL = "model build (Hibernate metadata + DDL into the shadow)";
    private static final String COMPARE = "catalog read + comparison";
    private static final String VERIFY = "revision and rollback verified on the shadow";
    private static final String REST = "shadow stop and the rest";
    private static final String TOTAL = "total wall time";

    private static final String[] ROWS = {START, APPLY, KEEP, MODEL, COMPARE, VERIFY, REST, TOTAL};

    private final int reps;
    private final int stockMax;
    private final Path work;
    private final StringBuilder report = new StringBuilder();
    private final StringBuilder summary = new StringBuilder();

    private MigrationBenchmark(int reps, int stockMax, Path work) {
        this.reps = reps;
        this.stockMax = stockMax;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        LiquibaseDefaults.apply();
        int reps = 3;
        int stockMax = 500;
        List<String> models = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--reps=")) {
                reps = Integer.parseInt(arg.substring("--reps=".length()));
            } else if (arg.startsWith("--stock-max=")) {
                stockMax = Integer.parseInt(arg.substring("--stock-max=".length()));
            } else {
                models.add(arg);
            }
        }
        if (models.isEmpty()) {
            models = List.of("bookstore", "50", "200", "500", "1000", "2000");
        }
        Path work = Files.createTempDirectory("migration-benchmark");
        // templates of this run only: the first start makes the initialised cluster, as on a new machine
        System.setProperty("embedded.pg.cache.dir", work.resolve("templates").toString());
        MigrationBenchmark benchmark = new MigrationBenchmark(reps, stockMax, work);
        System.out.printf("# Migration benchmark: %d core(s), Java %s, %d repetition(s), work dir %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), reps, work);
        benchmark.warmUp();
        benchmark.summary.append("| model | entities | generate (empty history) | check after a changelog change | check, "
                + "changelogs unchanged | check --live | liquibase-hibernate6 diff | check unchanged, ms per entity |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String model : models) {
            benchmark.run(model);
        }
        System.out.println();
        System.out.println(benchmark.report);
        System.out.println("### Summary (total wall time, median, ms)\n");
        System.out.println(benchmark.summary);
    }

    /** One unreported round on a tiny model: the first measurements of a JVM pay class loading and JIT compilation. */
    private void warmUp() throws Exception {
        long start = System.nanoTime();
        SyntheticModel model = SyntheticModel.generate(5, work.resolve("warm-up-model"));
        // Hibernate resolves entity classes by name through the thread context class loader.
        Thread.currentThread().setContextClassLoader(model.classLoader());
        Path changelogs = generate(model.registry(), work.resolve("warm-up-changelogs")).changelogs();
        check(model.registry(), changelogs, true);
        check(model.registry(), changelogs, false);
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
        int entities = model.entityClasses().size();
        boolean stockToo = entities <= stockMax;
        String title = name.equals("bookstore") ? "bookstore model (" + entities + " entities)"
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
        List<Map<String, Long>> changed = new ArrayList<>();
        List<Map<String, Long>> unchanged = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            changed.add(check(registry, changelogs, true));
            progress("check after a change", i, changed.get(i));
            unchanged.add(check(registry, changelogs, false));
            progress("check unchanged", i, unchanged.get(i));
        }
        List<Map<String, Long>> lives = new ArrayList<>();
        List<StockLiquibaseHibernateDiff.Result> stock = new ArrayList<>();
        int pluginChangeSets = -1;
        try (ScratchDatabases server = ScratchDatabases.embedded()) {
            DatabaseSettings target = migrated(server, changelogs);
            for (int i = 0; i < reps; i++) {
                lives.add(checkLive(registry, target));
                progress("check --live", i, lives.get(i));
            }
            for (int i = 0; stockToo && i < reps; i++) {
                long t = System.nanoTime();
                StockLiquibaseHibernateDiff.Result result = StockLiquibaseHibernateDiff.measure(model, target);
                Map<String, Long> millis = new LinkedHashMap<>(result.millis());
                millis.put(TOTAL, millisSince(t));
                stock.add(new StockLiquibaseHibernateDiff.Result(millis, result.changeSets(), result.changeTypes()));
                progress("liquibase-hibernate6", i, millis);
            }
            if (stockToo) {
                pluginChangeSets = StockLiquibaseHibernateDiff.pluginChangeSets(model, target,
                        dir.resolve("liquibase-diff-changelog.xml"));
            }
        }
        report.append(table(title, baselineChanges, generates, changed, unchanged, lives, stock, pluginChangeSets));
        report.append("Load average (1, 5, 15 min) before / after: ").append(loadBefore).append(" / ")
                .append(loadAverage()).append("\n\n");
        Long checkUnchanged = median(unchanged, TOTAL);
        summary.append("| ").append(name).append(" | ").append(entities).append(" | ").append(cell(generates, TOTAL))
                .append(" | ").append(cell(changed, TOTAL)).append(" | ").append(checkUnchanged).append(" | ")
                .append(cell(lives, TOTAL)).append(" | ")
                .append(stock.isEmpty() ? "not run" : cell(stock.stream().map(StockLiquibaseHibernateDiff.Result::millis)
                        .toList(), TOTAL))
                .append(" | ").append(String.format(java.util.Locale.ROOT, "%.1f", checkUnchanged / (double) entities))
                .append(" |\n");
        System.out.printf("== %s done in %.1f s%n%n", title, millisSince(start) / 1000.0);
    }

    private record Generated(Map<String, Long> millis, Path changelogs, int changes) {
    }

    /** {@code generate} on an empty history: the baseline revision of the whole model. */
    private Generated generate(EntityRegistry registry, Path changelogRoot) throws Exception {
        RevisionGenerator.Request request = new RevisionGenerator.Request("baseline", "benchmark", true, List.of(),
                Instant.now());
        Measured<RevisionGenerator.Result> run = measured(progress ->
                RevisionGenerator.generate(registry, new ChangelogDirectory(changelogRoot), request, progress));
        if (run.result().outcome() != RevisionGenerator.Outcome.WRITTEN) {
            throw new IllegalStateException("generate on an empty history wrote nothing: " + run.result().outcome());
        }
        return new Generated(run.millis(), changelogRoot, run.result().review().findings().size());
    }

    /**
     * {@code check}: the model against what the changelogs build; must find nothing. {@code afterChange}: a file of
     * the changelog's resource root changed since the last run (a new marker file), so the kept shadow cannot be used.
     */
    private Map<String, Long> check(EntityRegistry registry, Path changelogRoot, boolean afterChange) throws Exception {
        if (afterChange) {
            Files.writeString(changelogRoot.resolve("benchmark-marker.txt"), Long.toString(System.nanoTime()));
        }
        Measured<SchemaDiff> run = measured(progress -> ShadowComparison.modelVersusChangelogs(
                registry, ChangelogSource.directory(changelogRoot), progress));
        requireEmpty(run.result(), "check");
        boolean applied = run.millis().containsKey(APPLY);
        if (applied != afterChange) {
            throw new IllegalStateException("check " + (afterChange ? "after a change did not apply" : "unchanged applied")
                    + " the changelogs: " + run.millis());
        }
        return run.millis();
    }

    /** {@code check --live}: the model against a migrated database, the same job as {@code liquibase:diff}. */
    private Map<String, Long> checkLive(EntityRegistry registry, DatabaseSettings live) throws Exception {
        Measured<SchemaDiff> run = measured(progress -> ShadowComparison.modelVersusDatabase(registry, live, progress));
        requireEmpty(run.result(), "check --live");
        return run.millis();
    }

    private interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private record Measured<T>(T result, Map<String, Long> millis) {
    }

    /** Runs {@code work} as the CLI does, timing its steps and the whole. */
    private static <T> Measured<T> measured(Work<T> work) throws Exception {
        Progress progress = Progress.silent();
        long start = System.nanoTime();
        T result = work.run(progress);
        long total = millisSince(start);
        Map<String, Long> rows = new LinkedHashMap<>();
        progress.orderedTimings().forEach((step, millis) -> rows.merge(row(step), millis, Long::sum));
        rows.put(REST, total - rows.values().stream().mapToLong(Long::longValue).sum());
        rows.put(TOTAL, total);
        return new Measured<>(result, rows);
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

    private static String row(String step) {
        if (step.startsWith("starting shadow")) {
            return START;
        } else if (step.startsWith("applying changelogs")) {
            return APPLY;
        } else if (step.startsWith("keeping the migrated shadow")) {
            return KEEP;
        } else if (step.startsWith("creating model schema")) {
            return MODEL;
        } else if (step.startsWith("comparing model with")) {
            return COMPARE;
        } else if (step.startsWith("verifying the revision")) {
            return VERIFY;
        }
        throw new IllegalStateException("a step the benchmark does not know: " + step);
    }

    private static void progress(String what, int rep, Map<String, Long> millis) {
        System.out.printf("  %-21s #%d: %s%n", what, rep + 1, millis);
    }

    private String table(String title, int baselineChanges, List<Map<String, Long>> generates,
            List<Map<String, Long>> changed, List<Map<String, Long>> unchanged, List<Map<String, Long>> lives,
            List<StockLiquibaseHibernateDiff.Result> stock, int pluginChangeSets) {
        StringBuilder t = new StringBuilder();
        t.append("#### ").append(title).append(", median of ").append(reps).append(" (ms)\n\n");
        t.append("| step | generate (empty history) | check after a changelog change | check, changelogs unchanged "
                + "| check --live |\n");
        t.append("|---|---:|---:|---:|---:|\n");
        for (String row : ROWS) {
            t.append("| ").append(row).append(" | ").append(cell(generates, row)).append(" | ")
                    .append(cell(changed, row)).append(" | ").append(cell(unchanged, row)).append(" | ")
                    .append(cell(lives, row)).append(" |\n");
        }
        t.append("| changes found | ").append(baselineChanges).append(" (the baseline) | 0 | 0 | 0 |\n\n");
        if (stock.isEmpty()) {
            t.append("liquibase-hibernate6: not run on this model (--stock-max=").append(stockMax).append(").\n\n");
            return t.toString();
        }
        List<Map<String, Long>> stockMillis = stock.stream().map(StockLiquibaseHibernateDiff.Result::millis).toList();
        t.append("liquibase-hibernate6 on the same model and the database check --live compared, median (ms): ");
        for (String step : List.of(StockLiquibaseHibernateDiff.OPEN_REFERENCE, StockLiquibaseHibernateDiff.REFERENCE_SNAPSHOT,
                StockLiquibaseHibernateDiff.TARGET_SNAPSHOT, StockLiquibaseHibernateDiff.COMPARE,
                StockLiquibaseHibernateDiff.CHANGE_SETS, TOTAL)) {
            t.append(step).append(" ").append(cell(stockMillis, step)).append("; ");
        }
        StockLiquibaseHibernateDiff.Result last = stock.get(stock.size() - 1);
        t.append("changesets it emits on that matching database: ").append(last.changeSets()).append(" (")
                .append(last.changeTypes()).append("; the plugin's own diffChangeLog call wrote ").append(pluginChangeSets)
                .append(").\n\n");
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
