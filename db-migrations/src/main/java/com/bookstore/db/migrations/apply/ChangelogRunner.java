package com.bookstore.db.migrations.apply;

import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.MigrationTimeouts;
import com.bookstore.db.migrations.apply.LockWaitWatch.Sighting;
import com.bookstore.db.migrations.internal.schema.LiquibaseDatabases;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.RuntimeEnvironment;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogIterator;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.CountChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.NotRanChangeSetFilter;
import liquibase.changelog.visitor.ChangeLogSyncVisitor;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseException;
import liquibase.exception.LockException;
import liquibase.lockservice.LockServiceFactory;

import java.io.Writer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs a changelog against one database, on one unpooled connection that is closed with this runner (and, while
 * revisions run under a timeout, a second one that watches it for lock waits: {@link LockWaitWatch}).
 */
public final class ChangelogRunner implements AutoCloseable {


    /** How often the lock-wait watch looks at most, and at least: a fifth of the shortest timeout, within these. */
    private static final Duration FASTEST_LOOK = Duration.ofMillis(20);
    private static final Duration SLOWEST_LOOK = Duration.ofMillis(250);

    private final Database database;
    private final Liquibase liquibase;
    private final DatabaseSettings settings;
    /** The session's timeouts; null for a reading session, which sets none. */
    private final MigrationTimeouts timeouts;

    private ChangelogRunner(Database database, Liquibase liquibase, DatabaseSettings settings, MigrationTimeouts timeouts) {
        this.database = database;
        this.liquibase = liquibase;
        this.settings = settings;
        this.timeouts = timeouts;
    }

    /** {@link #open(ChangelogSource, DatabaseSettings, MigrationTimeouts)} with {@link MigrationTimeouts#DEFAULTS}. */
    public static ChangelogRunner open(ChangelogSource source, DatabaseSettings settings) throws SQLException, LockException {
        return open(source, settings, MigrationTimeouts.DEFAULTS);
    }

    /**
     * Opens the database and takes the migration lock (waiting while another migration of the same database runs)
     * before anything reads or creates Liquibase's tables: Liquibase itself creates DATABASECHANGELOG and reads the
     * history outside its lock ({@code listUnrunChangeSets}), which races when several deploys start at once.
     * Liquibase's own commands (update, rollback) release the lock when they end; {@link #close()} otherwise.
     *
     * <p>Then the session gets {@code timeouts} ({@code lock_timeout}, {@code statement_timeout}): only then, so that
     * they bound the changesets' statements and never the wait for the migration lock. (That wait is a loop of
     * {@code pg_try_advisory_lock}, which never waits inside PostgreSQL and so is not subject to {@code lock_timeout}
     * anyway, unlike {@code pg_advisory_lock}.) A changeset cancelled by one of them fails with
     * {@link MigrationTimeoutException}, naming the sessions that blocked it.
     */
    public static ChangelogRunner open(ChangelogSource source, DatabaseSettings settings, MigrationTimeouts timeouts)
            throws SQLException, LockException {
        return open(source, settings, Objects.requireNonNull(timeouts, "timeouts"), true);
    }

    /**
     * For commands that only read the history ({@code status}, {@code history}, {@code sql}): takes the migration lock
     * only while the history table does not exist yet (Liquibase would create it), so that watching a database never
     * waits behind, nor holds up, a running upgrade.
     */
    public static ChangelogRunner openForReading(ChangelogSource source, DatabaseSettings settings)
            throws SQLException, LockException {
        return open(source, settings, null, false);
    }

    private static ChangelogRunner open(ChangelogSource source, DatabaseSettings settings, MigrationTimeouts timeouts,
            boolean forWriting) throws SQLException, LockException {
        Database database = LiquibaseDatabases.open(settings);
        try {
            if (forWriting || !historyTableExists(database)) {
                LockServiceFactory.getInstance().getLockService(database).waitForLock();
            }
            if (timeouts != null) {
                setTimeouts(jdbc(database), timeouts);
            }
            return new ChangelogRunner(database, new Liquibase(source.masterPath(), source.resourceAccessor(), database),
                    settings, timeouts);
        } catch (SQLException | LockException | RuntimeException e) {
            LiquibaseDatabases.closeQuietly(database); // ends the session, and with it the advisory lock
            throw e;
        }
    }

    /**
     * Session-level {@code SET}s, committed: Liquibase runs with auto-commit off, and a {@code SET} in a transaction
     * that is rolled back (the first failed changeset's) would be undone with it.
     */
    private static void setTimeouts(java.sql.Connection connection, MigrationTimeouts timeouts) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = " + timeouts.lockTimeout().toMillis());
            statement.execute("set statement_timeout = " + timeouts.statementTimeout().toMillis());
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static boolean historyTableExists(Database database) throws SQLException {
        try (java.sql.Statement statement = jdbc(database).createStatement();
             java.sql.ResultSet rs = statement.executeQuery("select to_regclass('public.databasechangelog') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * {@link #update()}, unless the database has applied revisions this changelog does not contain (a newer version of
     * the service ran there): then nothing is run and {@link UnknownHistoryException} says which. What services call at
     * start-up and what {@code ./migrate upgrade} runs.
     */
    public Applied upgrade() throws LiquibaseException {
        return upgrade(false);
    }

    /**
     * {@link #upgrade()}; unless {@code outOfOrder}, also refuses, running nothing, when a pending revision comes
     * before one already applied ({@link OutOfOrderException}).
     */
    public Applied upgrade(boolean outOfOrder) throws LiquibaseException {
        List<ChangeSet> pending = pending();
        requireUpgradable(outOfOrder, pending);
        return update(pending);
    }

    /**
     * What {@link #upgrade(boolean)} refuses: unknown applied revisions, {@code pending} ones out of order. The history
     * and the pending changesets are read once, for both.
     */
    private void requireUpgradable(boolean outOfOrder, List<ChangeSet> pending) throws LiquibaseException {
        List<RanChangeSet> history = history();
        List<RanChangeSet> unknown = unknownIn(history);
        if (!unknown.isEmpty()) {
            throw new UnknownHistoryException(unknown);
        }
        if (!outOfOrder) {
            OutOfOrder found = OutOfOrder.find(changeSets(), history, pending);
            if (!found.pending().isEmpty()) {
                throw new OutOfOrderException(found.pending(), found.appliedAfter());
            }
        }
    }

    /**
     * Pending changesets never applied here that come, in changelog order, before a changeset this database has
     * applied, and the first applied one after them ({@link OutOfOrder}).
     */
    public OutOfOrder outOfOrder() throws LiquibaseException {
        return OutOfOrder.find(changeSets(), history(), pending());
    }

    /** A changeset Liquibase skips on this database without a record ({@link SilentSkips#skippedOn}). */
    private boolean skippedHere(ChangeSet changeSet) {
        return SilentSkips.skippedOn(changeSet, database);
    }

    /**
     * Applies every pending changeset, each in its own transaction (statement by statement for one with
     * {@code runInTransaction="false"}); returns what it applied, as recorded. When one fails, the
     * database stays at the changeset before it, and the failure is recorded for {@link #lastFailure()}.
     * A changelog with which Liquibase could skip a changeset in silence is refused first ({@link SilentSkips}).
     */
    public Applied update() throws LiquibaseException {
        return update(pending());
    }

    private Applied update(List<ChangeSet> pending) throws LiquibaseException {
        SilentSkips.refuse(pending);
        applyWatched(!pending.isEmpty(), () -> liquibase.update(new Contexts(), new LabelExpression()), this::recordFailure);
        Applied applied = recorded(pending);
        try {
            UpgradeFailures.clear(jdbc());
        } catch (SQLException e) {
            throw new DatabaseException("Cannot clear the record of the last failed upgrade: " + e.getMessage(), e);
        }
        return applied;
    }

    /**
     * How {@code attempted}, pending before a run that ended without an error, are recorded now. Liquibase reporting
     * success is not taken as proof: a changeset still pending, or recorded as anything but run or marked as ran,
     * stops the command with {@link UnrecordedChangesetsException}, recorded as the last failure (a Liquibase
     * extension, or a setting {@link SilentSkips} does not know, skipped it); one Liquibase skips here by design
     * ({@link SilentSkips#skippedOn}) is neither.
     */
    private Applied recorded(List<ChangeSet> attempted) throws LiquibaseException {
        if (attempted.isEmpty()) {
            return new Applied(List.of(), List.of());
        }
        Map<String, String> execTypes = RecordedHistory.execTypes(jdbc());
        List<String> ran = new java.util.ArrayList<>();
        List<String> marked = new java.util.ArrayList<>();
        List<String> missing = new java.util.ArrayList<>();
        for (ChangeSet changeSet : attempted) {
            Revision revision = new Revision(changeSet.getId(), changeSet.getAuthor(), changeSet.getStoredFilePath());
            String execType = execTypes.get(RecordedHistory.key(revision));
            if ("EXECUTED".equals(execType) || "RERAN".equals(execType)) {
                ran.add(changeSet.getId());
            } else if ("MARK_RAN".equals(execType)) {
                marked.add(changeSet.getId());
            } else if (execType != null || !skippedHere(changeSet)) {
                missing.add(revision.describe() + (execType == null ? " is not recorded" : " is recorded as " + execType));
            }
        }
        if (!missing.isEmpty()) {
            UnrecordedChangesetsException unrecorded = new UnrecordedChangesetsException(missing);
            recordFailure(unrecorded);
            throw unrecorded;
        }
        return new Applied(ran, marked);
    }

    /**
     * Runs {@code call}, which applies changesets, watched ({@link #watch}); when it fails, {@code failedRevision}
     * names the revision it stopped at, and a failure caused by one of the session's timeouts becomes a
     * {@link MigrationTimeoutException} naming that revision and what blocked it.
     */
    private void applyWatched(boolean applying, LiquibaseCall call, Function<Exception, Revision> failedRevision)
            throws LiquibaseException {
        LockWaitWatch watch = watch(applying);
        try {
            quietly(call);
        } catch (LiquibaseException | RuntimeException e) {
            Optional<Sighting> seen = watch.stop();
            Revision failed = failedRevision.apply(e);
            Optional<SQLException> timeout = timeoutIn(e);
            if (timeout.isPresent()) {
                throw MigrationTimeoutException.upgrade(failed, timeout.get(), timeouts, seen, e);
            }
            throw e;
        } finally {
            watch.close();
        }
    }

    /** Records the first changeset still pending as the one that failed, for {@link #lastFailure()}; returns it. */
    private Revision recordFailure(Exception failure) {
        Revision failed = firstPending(failure);
        if (failed != null) {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            try {
                UpgradeFailures.record(jdbc(), failed.file() + "::" + failed.id(), String.valueOf(root.getMessage()).strip());
            } catch (SQLException | RuntimeException e) {
                failure.addSuppressed(e); // the original failure is what the user must see
            }
        }
        return failed;
    }

    /** The first changeset still pending after {@code failure}: the one that failed; null when unknown. */
    private Revision firstPending(Exception failure) {
        try {
            // pending() leaves out what Liquibase skips here by design: never the one that failed
            Optional<ChangeSet> failed = pending().stream().findFirst();
            if (failed.isPresent()) {
                return Revision.of(failed.get());
            }
        } catch (LiquibaseException | RuntimeException e) {
            failure.addSuppressed(e); // the original failure is what the user must see
        }
        return null;
    }

    /**
     * Watches this session while it applies changesets ({@link LockWaitWatch}), when it has a timeout that could cancel
     * one and {@code applying}; otherwise a watch that sees nothing.
     */
    private LockWaitWatch watch(boolean applying) {
        if (!applying || timeouts == null || timeouts.isOff()) {
            return LockWaitWatch.none();
        }
        Duration shortest = Stream.of(timeouts.lockTimeout(), timeouts.statementTimeout())
                .filter(d -> !d.isZero()).min(Duration::compareTo).orElseThrow();
        Duration interval = shortest.dividedBy(5);
        interval = interval.compareTo(FASTEST_LOOK) < 0 ? FASTEST_LOOK
                : interval.compareTo(SLOWEST_LOOK) > 0 ? SLOWEST_LOOK : interval;
        try {
            int pid = jdbc().unwrap(org.postgresql.PGConnection.class).getBackendPID();
            return LockWaitWatch.start(settings, pid, interval);
        } catch (SQLException e) {
            return LockWaitWatch.none(); // a timeout would then be reported without its blocker
        }
    }

    /** The timeout of this session that stopped {@code failure}, if one did. */
    private Optional<SQLException> timeoutIn(Throwable failure) {
        return timeouts == null ? Optional.empty() : MigrationTimeoutException.timeoutIn(failure);
    }

    /** The last failed upgrade of this database, if the last upgrade failed. */
    public java.util.Optional<String> lastFailure() throws SQLException {
        return UpgradeFailures.last(jdbc()).map(f -> "the last upgrade failed at " + f.changeset() + " (" + f.failedAt()
                + "): " + f.error());
    }

    private java.sql.Connection jdbc() {
        return jdbc(database);
    }

    private static java.sql.Connection jdbc(Database database) {
        return LiquibaseDatabases.jdbc(database);
    }

    /**
     * Changesets of the changelog not yet applied, in order; those whose every change is for other databases
     * ({@code <sql dbms="h2">}) aside: Liquibase skips them without a record, so they would be pending forever.
     */
    public List<ChangeSet> pending() throws LiquibaseException {
        return unrun().stream().filter(changeSet -> !skippedHere(changeSet)).toList();
    }

    /** Changesets recorded as applied, oldest first. */
    public List<RanChangeSet> history() throws LiquibaseException {
        return database.getRanChangeSetList();
    }

    /** Applied changesets that the changelog does not contain (a newer build ran here). */
    public List<RanChangeSet> unknownApplied() throws LiquibaseException {
        return unknownIn(history());
    }

    private List<RanChangeSet> unknownIn(List<RanChangeSet> history) throws LiquibaseException {
        Set<String> known = new HashSet<>();
        for (ChangeSet changeSet : changeSets()) {
            known.add(changeSet.getId() + "::" + changeSet.getAuthor());
        }
        return history.stream().filter(ran -> !known.contains(ran.getId() + "::" + ran.getAuthor())).toList();
    }

    /**
     * Writes the SQL that {@link #upgrade(boolean)} would run, without running it; refuses what it refuses, so that
     * the SQL run by hand applies nothing {@code upgrade} would not.
     */
    public void updateSql(Writer output, boolean outOfOrder) throws LiquibaseException {
        List<ChangeSet> pending = pending();
        requireUpgradable(outOfOrder, pending);
        SilentSkips.refuse(pending);
        liquibase.update(new Contexts(), new LabelExpression(), output);
    }

    /**
     * Rolls back the last {@code count} applied revisions (revision files: all the changesets one file applied, the
     * safe forms of {@code generate} write several), newest changeset first, and returns the changesets rolled back,
     * newest first (read from the history before and after, so exactly what happened). Refuses, running nothing, when the
     * database has applied revisions this changelog does not contain ({@link UnknownHistoryException}): Liquibase would
     * skip them (it cannot roll back what it does not know) and roll back the revisions underneath, leaving the newer
     * version's schema on top of an older one. Refuses too, running nothing, when one of the changesets to roll back
     * was recorded without running ({@link MarkedRanRollbackException}). When the rollback of one revision fails, the
     * revisions rolled back before
     * it stay rolled back and {@link RollbackStoppedException} names them and the revision that failed.
     *
     * @throws IllegalArgumentException when {@code count} is less than 1 or more than the revisions applied
     */
    public List<Revision> rollback(int count) throws LiquibaseException {
        if (count < 1) {
            throw new IllegalArgumentException("Cannot roll back " + count + " revision(s): give a count of at least 1.");
        }
        List<RanChangeSet> unknown = unknownApplied();
        if (!unknown.isEmpty()) {
            throw UnknownHistoryException.refusingRollback(unknown);
        }
        List<Revision> before = appliedRevisions();
        List<Integer> sizes = revisionSizes(before);
        if (count > sizes.size()) {
            throw new IllegalArgumentException("Cannot roll back " + count + " revision(s): only " + sizes.size()
                    + " revision(s) are applied to this database.");
        }
        int changesets = sizes.subList(sizes.size() - count, sizes.size()).stream().mapToInt(Integer::intValue).sum();
        Map<String, String> execTypes = RecordedHistory.execTypes(jdbc());
        List<Revision> markedRan = new java.util.ArrayList<>();
        for (Revision revision : before.subList(before.size() - changesets, before.size())) {
            if ("MARK_RAN".equals(execTypes.get(RecordedHistory.key(revision))) && rollsSomethingBack(revision)) {
                markedRan.add(revision);
            }
        }
        java.util.Collections.reverse(markedRan); // newest first, as the rollback would meet them
        if (!markedRan.isEmpty()) {
            throw new MarkedRanRollbackException(markedRan);
        }
        LockWaitWatch watch = watch(true);
        try {
            quietly(() -> liquibase.rollback(changesets, new Contexts(), new LabelExpression()));
        } catch (LiquibaseException | RuntimeException e) {
            Optional<Sighting> seen = watch.stop();
            List<Revision> done;
            List<Revision> remaining;
            try {
                done = rolledBack(before);
                remaining = appliedRevisions();
            } catch (LiquibaseException | RuntimeException unreadable) {
                e.addSuppressed(unreadable); // the failure itself is what the user must see
                throw e;
            }
            if (done.isEmpty() && !failedInStatement(e)) {
                throw e; // nothing ran: an edited revision, an unreadable changelog, the lock... say that as it is
            }
            // Liquibase rolls back newest first (history order): the one that failed is the newest still applied
            Revision failed = remaining.isEmpty() ? null : remaining.get(remaining.size() - 1);
            Optional<SQLException> timeout = timeoutIn(e);
            throw new RollbackStoppedException(done, failed, timeout.isEmpty() ? e
                    : MigrationTimeoutException.rollback(failed, timeout.get(), timeouts, seen, e));
        } finally {
            watch.close();
        }
        return rolledBack(before);
    }

    /**
     * Whether rolling back the changeset {@code revision} runs anything: not when its {@code <rollback/>} is written
     * empty; when it has rollback changes, or none written (Liquibase then undoes its changes itself, a
     * {@code createTable} by a {@code dropTable}), or when the changelog no longer holds it.
     */
    private boolean rollsSomethingBack(Revision revision) throws LiquibaseException {
        String file = DatabaseChangeLog.normalizePath(revision.file());
        for (ChangeSet changeSet : changeSets()) {
            if (changeSet.getId().equals(revision.id()) && changeSet.getAuthor().equals(revision.author())
                    && file.equalsIgnoreCase(DatabaseChangeLog.normalizePath(changeSet.getFilePath()))) {
                List<liquibase.change.Change> rollback = changeSet.getRollback().getChanges();
                return rollback.isEmpty() || !rollback.stream().allMatch(liquibase.change.core.EmptyChange.class::isInstance);
            }
        }
        return true;
    }

    /** How many revisions (revision files) are applied: what {@link #rollback(int)} counts. */
    public int revisionsApplied() throws LiquibaseException {
        return revisionSizes(appliedRevisions()).size();
    }

    /**
     * How many changesets each applied revision file holds, oldest first: consecutive history rows of one file are one
     * revision (the safe forms of {@code generate} write several changesets per file), so a count never rolls back
     * half a revision.
     */
    private static List<Integer> revisionSizes(List<Revision> history) {
        List<Integer> sizes = new java.util.ArrayList<>();
        String file = null;
        for (Revision changeset : history) {
            if (changeset.file().equals(file)) {
                sizes.set(sizes.size() - 1, sizes.get(sizes.size() - 1) + 1);
            } else {
                sizes.add(1);
                file = changeset.file();
            }
        }
        return sizes;
    }

    /** Whether a statement failed on the server (rather than the changelog's validation or parsing, before any). */
    private static boolean failedInStatement(Throwable failure) {
        boolean statement = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof liquibase.exception.ValidationFailedException
                    || t instanceof liquibase.exception.ChangeLogParseException) {
                return false;
            }
            statement |= t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null;
        }
        return statement;
    }

    /** The revisions of {@code before} no longer in the history, newest first. */
    private List<Revision> rolledBack(List<Revision> before) throws LiquibaseException {
        Set<Revision> remaining = new HashSet<>(appliedRevisions());
        List<Revision> gone = new java.util.ArrayList<>(before.stream().filter(r -> !remaining.contains(r)).toList());
        java.util.Collections.reverse(gone);
        return List.copyOf(gone);
    }

    /** The history as recorded in DATABASECHANGELOG right now (not Liquibase's cached copy), oldest first. */
    private List<Revision> appliedRevisions() throws LiquibaseException {
        if (!tableExistsQuietly()) {
            return List.of();
        }
        return RecordedHistory.rows(jdbc()).stream().map(RecordedHistory.Row::revision).toList();
    }

    private boolean tableExistsQuietly() throws DatabaseException {
        try {
            return historyTableExists(database);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the migration history (databasechangelog): " + e.getMessage(), e);
        }
    }

    /** Every changeset of the changelog, in the order {@link #update()} runs them. */
    public List<ChangeSet> changeSets() throws LiquibaseException {
        return liquibase.getDatabaseChangeLog().getChangeSets();
    }

    /** Applies the first {@code count} changesets of {@link #unrun()} (a database built up to a given revision). */
    public void update(int count) throws LiquibaseException {
        List<ChangeSet> attempted = unrun().stream().limit(Math.max(count, 0)).toList();
        SilentSkips.refuse(attempted);
        if (attempted.isEmpty()) {
            return; // nothing to apply: Liquibase is not called with a count of 0
        }
        applyWatched(true, () -> liquibase.update(count, new Contexts(), new LabelExpression()), this::firstPending);
        recorded(attempted);
    }

    /**
     * The changesets Liquibase would run next, in order, as it counts them for {@link #update(int)} and
     * {@link #recordAsApplied(int)}: {@link #pending()} and the changesets it skips here without a record.
     */
    public List<ChangeSet> unrun() throws LiquibaseException {
        return liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
    }

    /**
     * What {@link #unrun()} is on a database with no history, read without touching the database (listing the unrun
     * changesets creates Liquibase's tables): the changelog without what Liquibase filters out here
     * ({@code ignore="true"}, another {@code dbms}).
     */
    public List<ChangeSet> unrunOnEmptyHistory() throws LiquibaseException {
        DbmsChangeSetFilter dbms = new DbmsChangeSetFilter(database);
        IgnoreChangeSetFilter ignore = new IgnoreChangeSetFilter();
        return changeSets().stream()
                .filter(changeSet -> dbms.accepts(changeSet).isAccepted() && ignore.accepts(changeSet).isAccepted())
                .toList();
    }

    /**
     * Liquibase's changelog-sync, limited to the first {@code count} changesets of {@link #unrun()}: records them as applied
     * without running them (adopting a database whose schema already matches). Runs under the migration lock taken by
     * {@link #open}; returns the ids recorded.
     */
    public List<String> recordAsApplied(int count) throws LiquibaseException {
        Contexts contexts = new Contexts();
        LabelExpression labels = new LabelExpression();
        DatabaseChangeLog changeLog = liquibase.getDatabaseChangeLog();
        changeLog.validate(database, contexts, labels);
        List<String> recorded = unrun().stream().limit(count).map(ChangeSet::getId).toList();
        quietly(() -> {
            ChangeLogHistoryService history = ChangeLogHistoryServiceFactory.getInstance().getChangeLogService(database);
            history.init();
            history.generateDeploymentId();
            new ChangeLogIterator(changeLog,
                    new NotRanChangeSetFilter(database.getRanChangeSetList()),
                    new CountChangeSetFilter(count))
                    .run(new ChangeLogSyncVisitor(database),
                            new RuntimeEnvironment(database, contexts, labels));
            database.commit();
        });
        return recorded;
    }

    /** A Liquibase call. */
    @FunctionalInterface
    private interface LiquibaseCall {
        void run() throws LiquibaseException;
    }

    /** Runs {@code call} with Liquibase's console output ("Running Changeset", summaries, errors) sent to its log. */
    private static void quietly(LiquibaseCall call) throws LiquibaseException {
        try {
            LiquibaseDefaults.quietly(() -> {
                call.run();
                return null;
            });
        } catch (LiquibaseException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    @Override
    public void close() {
        try {
            LockServiceFactory.getInstance().getLockService(database).releaseLock();
        } catch (LockException | RuntimeException e) {
            // the lock is session state: it goes with the connection, closed below
        } finally {
            LiquibaseDatabases.closeQuietly(database);
        }
    }
}
