package com.bookstore.db.migrations.apply;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Process-wide settings of this tool: Liquibase sends no analytics (4.30+ calls home unless told not to) and shows no
 * banner, and Liquibase's and Hibernate's INFO chatter (java.util.logging) is kept out of the tool's output, warnings
 * and errors still shown. A user's own system properties win; {@code -Dbookstore.migrations.verbose=true} keeps
 * every log line.
 */
public final class LiquibaseDefaults {

    /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("liquibase"), Logger.getLogger("org.hibernate"),
            Logger.getLogger("org.hibernate.orm.deprecation"), Logger.getLogger("liquibase.servicelocator"));

    /** Set by the ./migrate process: it reports every failure as one paragraph, so Liquibase's log stays silent. */
    private static volatile boolean commandLine;

    private LiquibaseDefaults() {
    }

    /**
     * {@link #apply()} for the {@code ./migrate} process: Liquibase's log is off (its SEVERE record of a failed
     * changeset carries a stack trace), because the CLI reports every failure as one paragraph on standard error.
     */
    public static synchronized void applyForCommandLine() {
        commandLine = true;
        apply();
    }

    public static synchronized void apply() {
        // slf4j-simple (Hikari, zonky's embedded server) logs INFO by default; the tool prints its own progress.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("liquibase.analytics.enabled", "false");
        setIfAbsent("liquibase.showBanner", "false");
        setIfAbsent("liquibase.checks.enabled", "false");
        if (Boolean.getBoolean("bookstore.migrations.verbose")) {
            return;
        }
        QUIETED.get(0).setLevel(commandLine ? Level.OFF : Level.WARNING);
        QUIETED.get(1).setLevel(Level.WARNING);
        // Deprecation notes (e.g. "PostgreSQLDialect need not be set": we set it so the model builds offline) and the
        // Spring-only databases of liquibase-hibernate6 that the service loader cannot load are not the user's concern.
        QUIETED.get(2).setLevel(Level.SEVERE);
        QUIETED.get(3).setLevel(Level.SEVERE);
    }

    /** Runs {@code work} with Liquibase's console messages ("Running Changeset", update summary) sent to its log. */
    public static <T> T quietly(java.util.concurrent.Callable<T> work) throws Exception {
        apply();
        return liquibase.Scope.child(java.util.Map.of(liquibase.Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService(),
                "liquibase.command.showSummary", "OFF", "liquibase.command.showSummaryOutput", "LOG"), work::call);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
