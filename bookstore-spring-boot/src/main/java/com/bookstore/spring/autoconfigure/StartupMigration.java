package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.MigrationTimeouts;
import com.bookstore.db.migrations.apply.Applied;
import com.bookstore.db.migrations.apply.ChangelogRunner;
import com.bookstore.db.migrations.apply.ChangelogSource;
import com.bookstore.db.migrations.apply.OutOfOrderException;
import com.bookstore.db.migrations.apply.UnknownHistoryException;
import com.bookstore.db.migrations.apply.UnrecordedChangesetsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import java.util.List;

/**
 * Applies the pending revisions of the db-migrations jar when the context creates this bean, which is before the
 * {@code EntityManagerFactory} (and every other bean that uses the database) is created. The upgrade runs as
 * {@code ./migrate upgrade} does: through {@code MigrationConnections.unpooled(settings)}, never the application pool,
 * under the migration advisory lock, so instances starting together apply each revision once, with the migration
 * session's lock and statement timeouts; it refuses a database holding revisions this build does not know.
 */
public final class StartupMigration implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(StartupMigration.class);

    private final DatabaseSettings settings;
    private final ChangelogSource changelog;
    private final MigrationTimeouts timeouts;
    private volatile List<String> applied = List.of();

    /** With {@link MigrationTimeouts#DEFAULTS}. */
    public StartupMigration(DatabaseSettings settings, ChangelogSource changelog) {
        this(settings, changelog, MigrationTimeouts.DEFAULTS);
    }

    public StartupMigration(DatabaseSettings settings, ChangelogSource changelog, MigrationTimeouts timeouts) {
        this.settings = settings;
        this.changelog = changelog;
        this.timeouts = timeouts;
    }

    /** The changelog of the db-migrations jar on the class path, with {@link MigrationTimeouts#DEFAULTS}. */
    public static StartupMigration fromClasspath(DatabaseSettings settings) {
        return fromClasspath(settings, MigrationTimeouts.DEFAULTS);
    }

    /** The changelog of the db-migrations jar on the class path. */
    public static StartupMigration fromClasspath(DatabaseSettings settings, MigrationTimeouts timeouts) {
        return new StartupMigration(settings, ChangelogSource.classpath(), timeouts);
    }

    @Override
    public void afterPropertiesSet() {
        long started = System.nanoTime();
        Applied done;
        try (ChangelogRunner runner = ChangelogRunner.open(changelog, settings, timeouts)) {
            done = runner.upgrade();
            applied = done.ran();
        } catch (UnknownHistoryException | OutOfOrderException | IllegalArgumentException refused) {
            // refused before anything ran: a newer build's history, revisions out of order, a changelog refused
            throw new StartupMigrationException("Migrating " + settings.maskedUrl() + " at start-up with "
                    + changelog.description() + " was refused, nothing applied: " + oneLine(refused), refused);
        } catch (UnrecordedChangesetsException stopped) { // says which changeset and what to do
            throw new StartupMigrationException("Migrating " + settings.maskedUrl() + " at start-up with "
                    + changelog.description() + " failed: " + oneLine(stopped), stopped);
        } catch (Exception e) {
            throw new StartupMigrationException("Migrating " + settings.maskedUrl() + " at start-up with "
                    + changelog.description() + " failed: " + oneLine(e) + " Nothing of the failed revision remains "
                    + "applied (each revision runs in one transaction); fix the cause and restart, or run "
                    + "./migrate status for the details.", e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (done.isEmpty()) {
            LOG.info("Database {} is up to date with {} ({} ms)", settings.maskedUrl(), changelog.description(), millis);
        } else {
            LOG.info("Migrated {} at start-up: applied {} ({} ms)", settings.maskedUrl(), applied, millis);
        }
        if (!done.recordedWithoutRunning().isEmpty()) {
            LOG.warn("Migrating {} at start-up recorded {} without running them: their precondition failed "
                    + "(onFail=\"MARK_RAN\")", settings.maskedUrl(), done.recordedWithoutRunning());
        }
    }

    /** The ids of the changesets this instance applied (empty when another instance, or a deploy step, did). */
    public List<String> appliedChangeSets() {
        return applied;
    }

    private static String oneLine(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 2000; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message.strip()) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message.strip());
            }
        }
        String line = text.length() == 0 ? failure.getClass().getSimpleName() : text.toString();
        line = line.replaceAll("\\s+", " ");
        return line.endsWith(".") ? line : line + ".";
    }

    /** The upgrade at start-up failed; the service does not start. */
    public static final class StartupMigrationException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        StartupMigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
