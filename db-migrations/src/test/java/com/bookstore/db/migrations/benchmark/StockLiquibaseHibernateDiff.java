package com.bookstore.db.migrations.benchmark;

import com.bookstore.db.core.mapping.ConventionalImplicitNamingStrategy;
import com.bookstore.db.core.mapping.SnakeCasePhysicalNamingStrategy;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.apply.LiquibaseDefaults;
import com.bookstore.db.migrations.internal.schema.Progress;
import liquibase.CatalogAndSchema;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.integration.commandline.CommandLineUtils;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.core.Schema;
import org.hibernate.dialect.PostgreSQLDialect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline a user would otherwise pick: plain liquibase-hibernate6 ({@code mvn liquibase:diff}) with a stock
 * {@code hibernate:classic:} reference URL, i.e. a {@code hibernate.cfg.xml} listing the entity classes, the dialect
 * and the project's naming strategies as URL parameters; no code of this project in the comparison itself. The stock
 * {@code hibernate:spring:} form needs Spring (not on the class path), and {@code hibernate:ejb3:} needs a
 * {@code persistence.xml}; the classic form is the one that works for classes generated at run time.
 *
 * <p>{@link #measure} replays, step by step so that each step can be timed, what the Maven plugin's
 * {@code CommandLineUtils.doDiffToChangeLog} runs (the {@code diffChangelog} command: reference snapshot, target
 * snapshot, compare, changesets); {@link #pluginChangeSets} runs that command itself once, as a cross-check of the
 * changeset count.
 */
final class StockLiquibaseHibernateDiff {

    /** Step timings (ms) and the changesets emitted, by change type. */
    record Result(Map<String, Long> millis, int changeSets, Map<String, Integer> changeTypes) {
    }

    static final String OPEN_REFERENCE = "open reference (Hibernate model build)";
    static final String REFERENCE_SNAPSHOT = "reference snapshot";
    static final String TARGET_SNAPSHOT = "target snapshot";
    static final String COMPARE = "compare";
    static final String CHANGE_SETS = "generate changesets";

    private static final Pattern CHANGE_SET = Pattern.compile("<changeSet\\b");

    private StockLiquibaseHibernateDiff() {
    }

    /** The stock reference URL of the model's {@value SyntheticModel#HIBERNATE_CFG}. */
    static String referenceUrl() {
        return "hibernate:classic:" + SyntheticModel.HIBERNATE_CFG
                + "?dialect=" + PostgreSQLDialect.class.getName()
                + "&hibernate.physical_naming_strategy=" + SnakeCasePhysicalNamingStrategy.class.getName()
                + "&hibernate.implicit_naming_strategy=" + ConventionalImplicitNamingStrategy.class.getName();
    }

    static Result measure(SyntheticModel model, DatabaseSettings target) throws Exception {
        return inModelScope(model, accessor -> {
            Progress progress = Progress.silent();
            try (Database reference = progress.step(OPEN_REFERENCE, () -> open(referenceUrl(), null, null, accessor));
                 Database database = open(target.jdbcUrl(), target.user(), target.password(), accessor)) {
                CompareControl.SchemaComparison[] comparisons = CompareControl.computeSchemas(null, null, null, null,
                        null, null, null, database).finalSchemaComparisons;
                CompareControl compareControl = new CompareControl(comparisons, (String) null);
                DatabaseSnapshot referenceSnapshot = progress.step(REFERENCE_SNAPSHOT,
                        () -> snapshot(reference, comparisons, true));
                DatabaseSnapshot targetSnapshot = progress.step(TARGET_SNAPSHOT,
                        () -> snapshot(database, comparisons, false));
                DiffResult diff = progress.step(COMPARE,
                        () -> DiffGeneratorFactory.getInstance().compare(referenceSnapshot, targetSnapshot, compareControl));
                List<ChangeSet> changeSets = progress.step(CHANGE_SETS, () -> {
                    reference.setOutputDefaultSchema(false);
                    reference.setObjectQuotingStrategy(ObjectQuotingStrategy.QUOTE_ALL_OBJECTS);
                    DiffOutputControl output = new DiffOutputControl(false, false, false, null)
                            .addIncludedSchema(new CatalogAndSchema(null, null));
                    return new DiffToChangeLog(diff, output).generateChangeSets();
                });
                Map<String, Integer> types = new TreeMap<>();
                changeSets.forEach(cs -> cs.getChanges().forEach(c -> types.merge(c.getSerializedObjectName(), 1, Integer::sum)));
                return new Result(progress.orderedTimings(), changeSets.size(), types);
            }
        });
    }

    /**
     * The number of changesets in the file that the plugin's own call writes ({@code mvn liquibase:diff} with
     * {@code diffChangeLogFile}); 0 when Liquibase writes no file.
     */
    static int pluginChangeSets(SyntheticModel model, DatabaseSettings target, Path file) throws Exception {
        return inModelScope(model, accessor -> {
            try (Database reference = open(referenceUrl(), null, null, accessor);
                 Database database = open(target.jdbcUrl(), target.user(), target.password(), accessor)) {
                CompareControl.SchemaComparison[] comparisons = CompareControl.computeSchemas(null, null, null, null,
                        null, null, null, database).finalSchemaComparisons;
                DiffOutputControl output = new DiffOutputControl(false, false, false, null)
                        .addIncludedSchema(new CatalogAndSchema(null, null));
                LiquibaseDefaults.quietly(() -> {
                    CommandLineUtils.doDiffToChangeLog(file.toString(), reference, database, null, output, null, null,
                            comparisons, "none", "none");
                    return null;
                });
            }
            if (!Files.exists(file)) {
                return 0;
            }
            Matcher m = CHANGE_SET.matcher(Files.readString(file));
            int count = 0;
            while (m.find()) {
                count++;
            }
            return count;
        });
    }

    /** As in DiffCommandStep: the schemas of the comparisons, snapshotted with every standard object type. */
    private static DatabaseSnapshot snapshot(Database database, CompareControl.SchemaComparison[] comparisons,
            boolean reference) throws Exception {
        CatalogAndSchema[] schemas = new CatalogAndSchema[comparisons.length];
        for (int i = 0; i < comparisons.length; i++) {
            CatalogAndSchema side = reference ? comparisons[i].getReferenceSchema() : comparisons[i].getComparisonSchema();
            schemas[i] = database.supports(Schema.class)
                    ? new CatalogAndSchema(database.getDefaultCatalogName(), side.getSchemaName())
                    : new CatalogAndSchema(side.getSchemaName(), side.getSchemaName());
        }
        ObjectQuotingStrategy original = database.getObjectQuotingStrategy();
        try {
            database.setObjectQuotingStrategy(ObjectQuotingStrategy.QUOTE_ALL_OBJECTS);
            DatabaseSnapshot snapshot = SnapshotGeneratorFactory.getInstance().createSnapshot(schemas, database,
                    new SnapshotControl(database, null, new Class[0]));
            snapshot.setSchemaComparisons(comparisons);
            return snapshot;
        } finally {
            database.setObjectQuotingStrategy(original);
        }
    }

    private static Database open(String url, String user, String password, ResourceAccessor accessor) throws Exception {
        return DatabaseFactory.getInstance().openDatabase(url, user, password, null, accessor);
    }

    private interface ScopedWork<T> {
        T run(ResourceAccessor accessor) throws Exception;
    }

    /**
     * Runs with the model's class loader as thread context and Liquibase scope class loader: liquibase-hibernate
     * builds the Hibernate metadata on a thread whose context class loader is the scope's, and Hibernate finds the
     * {@code hibernate.cfg.xml} and the entity classes through it.
     */
    private static <T> T inModelScope(SyntheticModel model, ScopedWork<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(model.classLoader());
        try {
            ResourceAccessor accessor = new ClassLoaderResourceAccessor(model.classLoader());
            return Scope.child(Map.of(Scope.Attr.classLoader.name(), model.classLoader(),
                    Scope.Attr.resourceAccessor.name(), accessor), () -> work.run(accessor));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
