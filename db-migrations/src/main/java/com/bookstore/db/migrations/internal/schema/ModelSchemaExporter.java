package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.mapping.SchemaMapping;
import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.internal.catalog.SqlNames;
import org.hibernate.MappingException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.tool.schema.SourceType;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.hibernate.tool.schema.spi.ScriptSourceInput;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.SourceDescriptor;
import org.hibernate.tool.schema.spi.TargetDescriptor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets Hibernate write the registry's schema, exactly as the runtime maps it ({@link SchemaMapping}), and runs it in
 * an empty database: that database is the "what the entities want" side of every diff.
 *
 * <p>Hibernate's own exporter logs a statement PostgreSQL rejects and goes on without the table; here the DDL is
 * collected first and run statement by statement, and the first rejected statement stops the export with the entity,
 * the table, the statement and PostgreSQL's message, so that no part of the model can drop out of the comparison.
 */
public final class ModelSchemaExporter {

    private static final Pattern TABLE_OF_STATEMENT = Pattern.compile(
            "^(?:create table|alter table(?: if exists)?|create (?:unique )?index \\S+ on|comment on table|comment on column)\\s+"
                    + "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+)){0,2})", Pattern.CASE_INSENSITIVE);

    private ModelSchemaExporter() {
    }

    /**
     * Exports the model into {@code target}, after creating there the extensions the compared database has, and returns
     * the enum behind each enum column.
     */
    public static EnumColumns export(EntityRegistry registry, DatabaseSettings target, Set<String> extensions) throws SQLException {
        com.bookstore.db.migrations.apply.LiquibaseDefaults.apply();
        StandardServiceRegistry services = new StandardServiceRegistryBuilder()
                .applySettings(SchemaMapping.hibernateProperties())
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, MigrationConnections.unpooled(target))
                .build();
        try (Connection connection = MigrationConnections.unpooled(target).getConnection()) {
            createExtensions(connection, extensions);
            Metadata metadata = SchemaMapping.metadata(registry, services);
            requireColumnTypes(metadata);
            List<String> ddl = creationScript(metadata, services);
            run(connection, ddl, metadata);
            CheckConstraints.reprint(connection);
            return EnumColumns.of(metadata);
        } finally {
            StandardServiceRegistryBuilder.destroy(services);
        }
    }

    /**
     * Starts building the model once without a database, on a daemon thread, and throws the result away. Run while the
     * shadow server starts, it loads and compiles Hibernate's classes, so that the real {@link #export}, which needs the
     * server, runs warm. Nothing is decided from it: whatever it meets, the real export meets again and reports.
     */
    public static void warmUpInBackground(EntityRegistry registry) {
        Thread thread = new Thread(() -> {
            try (SchemaMapping.OfflineModel model = SchemaMapping.offlineModel(registry)) {
                creationScript(model.metadata(), model.services());
            } catch (RuntimeException | LinkageError e) {
                // the real export builds the same model and reports the same problem
            }
        }, "model-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void createExtensions(Connection connection, Set<String> extensions) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String extension : extensions) {
                statement.execute("create extension if not exists " + SqlNames.quote(extension));
            }
        }
    }

    /** The statements Hibernate would run to create the schema, schemas (namespaces) included, without running them. */
    private static List<String> creationScript(Metadata metadata, StandardServiceRegistry services) {
        Map<String, Object> settings = new HashMap<>(services.getService(ConfigurationService.class).getSettings());
        settings.put(AvailableSettings.HBM2DDL_CREATE_NAMESPACES, true);
        settings.remove(AvailableSettings.HBM2DDL_DELIMITER);
        // the mapping only: not the scripts Hibernate runs after a "create" (an import.sql on the class path, seed data
        // more often than not, hibernate.hbm2ddl.import_files, a JPA load script), which the runtime never runs
        settings.put(AvailableSettings.HBM2DDL_SKIP_DEFAULT_IMPORT_FILE, true);
        settings.remove(AvailableSettings.HBM2DDL_IMPORT_FILES);
        settings.remove(AvailableSettings.JAKARTA_HBM2DDL_LOAD_SCRIPT_SOURCE);
        settings.remove(AvailableSettings.HBM2DDL_LOAD_SCRIPT_SOURCE);
        ExecutionOptions options = SchemaManagementToolCoordinator.buildExecutionOptions(settings, ExceptionHandlerHaltImpl.INSTANCE);
        CollectingScript script = new CollectingScript();
        services.getService(SchemaManagementTool.class).getSchemaCreator(settings).doCreation(metadata, options,
                ContributableMatcher.ALL, new SourceDescriptor() {
                    @Override
                    public SourceType getSourceType() {
                        return SourceType.METADATA;
                    }

                    @Override
                    public ScriptSourceInput getScriptSourceInput() {
                        return null;
                    }
                }, new TargetDescriptor() {
                    @Override
                    public EnumSet<TargetType> getTargetTypes() {
                        return EnumSet.of(TargetType.SCRIPT);
                    }

                    @Override
                    public ScriptTargetOutput getScriptTargetOutput() {
                        return script;
                    }
                });
        return script.statements;
    }

    /**
     * Runs the script in one round trip; when PostgreSQL rejects it, rolls back and runs it again statement by
     * statement to name the statement it rejects. Either way, all of it or nothing.
     */
    private static void run(Connection connection, List<String> ddl, Metadata metadata) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (!ddl.isEmpty()) {
                try {
                    statement.execute(String.join(";\n", ddl));
                    connection.commit();
                    return;
                } catch (SQLException e) {
                    connection.rollback();
                }
            }
            for (String sql : ddl) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    connection.rollback();
                    throw rejected(sql, e, metadata);
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** PostgreSQL rejected a statement of the model's DDL: name what maps the table, the statement and the reason. */
    private static MappingException rejected(String sql, SQLException e, Metadata metadata) {
        String table = tableOf(sql);
        Set<String> owners = new LinkedHashSet<>();
        if (table != null) {
            for (PersistentClass entity : metadata.getEntityBindings()) {
                if (matches(table, entity.getTable())) {
                    owners.add("entity " + entity.getClassName());
                }
                entity.getJoinClosure().forEach(join -> {
                    if (matches(table, join.getTable())) {
                        owners.add("entity " + entity.getClassName());
                    }
                });
            }
            for (Collection collection : metadata.getCollectionBindings()) {
                if (matches(table, collection.getCollectionTable())) {
                    owners.add("collection " + collection.getRole());
                }
            }
        }
        String who = owners.isEmpty() ? "the entity model" : String.join(" and ", owners);
        String hint = hint(e.getMessage());
        return new MappingException("PostgreSQL rejects the DDL of " + who + (table == null ? "" : " (table " + table + ")")
                + ": " + firstLine(e.getMessage()) + ". Statement: " + abbreviate(sql) + ". " + hint, e);
    }

    /** The table a DDL statement creates or alters, as written in it (quotes removed), or null. */
    private static String tableOf(String sql) {
        Matcher m = TABLE_OF_STATEMENT.matcher(sql.strip());
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).replace("\"", "");
        boolean column = sql.strip().toLowerCase(Locale.ROOT).startsWith("comment on column");
        return column && name.lastIndexOf('.') > 0 ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    private static boolean matches(String table, org.hibernate.mapping.Table mapped) {
        if (mapped == null) {
            return false;
        }
        String name = mapped.getName().replace("`", "").replace("\"", "");
        String qualified = mapped.getSchema() == null ? name : mapped.getSchema().replace("\"", "") + "." + name;
        return table.equalsIgnoreCase(qualified) || table.equalsIgnoreCase(name)
                || table.equalsIgnoreCase("public." + name);
    }

    private static String hint(String message) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.contains("type") && lower.contains("does not exist")) {
            return "If the type comes from an extension (citext, ltree, vector, ...), create the extension in a hand-written "
                    + "revision (./migrate revision -m \"create extension ...\" with CREATE EXTENSION) so that the changelogs "
                    + "and the model's shadow database both have it; otherwise fix the columnDefinition or @JdbcTypeCode.";
        }
        if (lower.contains("syntax error")) {
            return "Fix the SQL fragment of the mapping (columnDefinition, @Check, @ColumnDefault, @Formula-like text).";
        }
        return "Fix the mapping of the entity named and run the command again.";
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + " ...";
    }

    /**
     * Fails naming the entity and the field of a column that no SQL type fits (a field of type {@code Object}, say):
     * Hibernate's own error, raised later while writing the DDL, names only the table and the column.
     */
    private static void requireColumnTypes(Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            List<Property> properties = new ArrayList<>(entity.getPropertyClosure());
            if (entity.getIdentifierProperty() != null) {
                properties.add(0, entity.getIdentifierProperty());
            }
            for (Property property : properties) {
                for (Column column : property.getColumns()) {
                    try {
                        column.getSqlType(metadata);
                    } catch (RuntimeException e) {
                        throw new MappingException("Entity " + entity.getClassName() + ", field " + property.getName()
                                + " (column " + column.getName() + " of table " + entity.getTable().getName() + "): "
                                + e.getMessage() + ". Give the field a type PostgreSQL can store, an AttributeConverter "
                                + "(@Convert) or @JdbcTypeCode, or mark it @Transient.", e);
                    }
                }
            }
        }
    }

    /** Collects the script's statements in order instead of writing a file. */
    private static final class CollectingScript implements ScriptTargetOutput {
        private final List<String> statements = new ArrayList<>();

        @Override
        public void prepare() {
        }

        @Override
        public void accept(String command) {
            statements.add(command);
        }

        @Override
        public void release() {
        }
    }
}
