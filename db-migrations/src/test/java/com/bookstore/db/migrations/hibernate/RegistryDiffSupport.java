package com.bookstore.db.migrations.hibernate;

import com.bookstore.db.core.mapping.SchemaMapping;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import liquibase.CatalogAndSchema;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.integration.commandline.CommandLineUtils;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates a schema with Hibernate and diffs it the way {@code mvn liquibase:diff} does. */
final class RegistryDiffSupport {

    private RegistryDiffSupport() {
    }

    /** The schema of {@code registry}, created by Hibernate's own DDL with the runtime's settings. */
    static void exportSchema(EntityRegistry registry, DatabaseSettings target) {
        StandardServiceRegistry services = new StandardServiceRegistryBuilder()
                .applySettings(SchemaMapping.hibernateProperties())
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, MigrationConnections.unpooled(target))
                .build();
        try (SessionFactory sessionFactory = SchemaMapping.metadata(registry, services).buildSessionFactory()) {
            sessionFactory.getSchemaManager().exportMappedObjects(true);
        } finally {
            StandardServiceRegistryBuilder.destroy(services);
        }
    }

    static Database open(String url, String user, String password) throws Exception {
        return DatabaseFactory.getInstance().openDatabase(url, user, password, null, new ClassLoaderResourceAccessor());
    }

    /**
     * The changelog that {@code mvn liquibase:diff -Dliquibase.diffChangeLogFile=...} writes, with the plugin's
     * defaults (no diffTypes, no schemas, no filters), or "" when there is no difference (Liquibase writes no file).
     * Same calls as the plugin's {@code LiquibaseDatabaseDiff.performLiquibaseTask}.
     */
    static String diffChangeLog(String referenceUrl, DatabaseSettings target, Path directory) throws Exception {
        return diffChangeLogToFile(referenceUrl, target, directory.resolve("diff-" + System.nanoTime() + ".xml"));
    }

    /** As {@link #diffChangeLog(String, DatabaseSettings, Path)}, into {@code file}. */
    static String diffChangeLogToFile(String referenceUrl, DatabaseSettings target, Path file) throws Exception {
        try (Database reference = open(referenceUrl, null, null);
             Database database = open(target.jdbcUrl(), target.user(), target.password())) {
            CompareControl.SchemaComparison[] schemaComparisons = CompareControl.computeSchemas(null, null, null,
                    null, null, null, null, database).finalSchemaComparisons;
            DiffOutputControl diffOutputControl = new DiffOutputControl(false, false, false, null)
                    .addIncludedSchema(new CatalogAndSchema(null, null));
            CommandLineUtils.doDiffToChangeLog(file.toString(), reference, database, null, diffOutputControl,
                    null, null, schemaComparisons, "none", "none");
        }
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** Runs {@code changeLog} (a file in {@code directory}) on {@code target}, as {@code liquibase:update} would. */
    static void update(Path directory, String changeLog, DatabaseSettings target) throws Exception {
        try (Database database = open(target.jdbcUrl(), target.user(), target.password())) {
            Scope.child(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(directory), () ->
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changeLog)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .setOutput(OutputStream.nullOutputStream())
                            .execute());
        }
    }

    /**
     * Every column, constraint and index of the {@code public} schema, as {@code table: name definition}: what a
     * schema looks like to PostgreSQL, whoever created it. CHECK constraints are left out: open-source Liquibase has no
     * check constraint object, so {@code liquibase:diff} neither sees nor creates them (the enum CHECKs Hibernate
     * writes are compared from {@code pg_constraint} by the shadow-database comparison instead).
     */
    static SortedSet<String> constraintsAndIndexes(DatabaseSettings target) throws SQLException {
        String sql = """
                select conrelid::regclass::text || ': ' || conname || ' ' || pg_get_constraintdef(oid)
                  from pg_constraint where connamespace = 'public'::regnamespace and contype <> 'c'
                union all
                select tablename || ': ' || indexname || ' ' || indexdef
                  from pg_indexes where schemaname = 'public'
                union all
                select table_name || '.' || column_name || ' ' || data_type
                       || coalesce('(' || character_maximum_length || ')', '')
                       || coalesce(' precision ' || numeric_precision || ',' || numeric_scale, '')
                       || coalesce(' fraction ' || datetime_precision, '')
                       || ' nullable ' || is_nullable || ' default ' || coalesce(column_default, '-')
                       || ' identity ' || is_identity || ' ' || coalesce(identity_generation, '-')
                  from information_schema.columns where table_schema = 'public'
                union all
                select 'sequence ' || sequencename || ' ' || data_type || ' start ' || start_value
                       || ' increment ' || increment_by
                  from pg_sequences where schemaname = 'public'
                """;
        SortedSet<String> rows = new TreeSet<>();
        try (Connection connection = MigrationConnections.unpooled(target).getConnection();
             Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery(sql)) {
            while (resultSet.next()) {
                if (!resultSet.getString(1).startsWith("databasechangelog")) {
                    rows.add(resultSet.getString(1));
                }
            }
        }
        return rows;
    }

    static int changeSetCount(String changeLog) {
        Matcher matcher = Pattern.compile("<changeSet\\b").matcher(changeLog);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    static String contributorsUrl(Class<?>... contributors) {
        StringBuilder url = new StringBuilder(RegistryHibernateDatabase.URL_PREFIX).append("bookstore?")
                .append(RegistryHibernateDatabase.CONTRIBUTORS_PARAMETER).append('=');
        for (int i = 0; i < contributors.length; i++) {
            url.append(i == 0 ? "" : ",").append(contributors[i].getName());
        }
        return url.toString();
    }
}
