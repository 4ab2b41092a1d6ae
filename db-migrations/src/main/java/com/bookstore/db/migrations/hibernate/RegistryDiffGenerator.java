package com.bookstore.db.migrations.hibernate;

import com.bookstore.db.migrations.internal.schema.ChangeReview;
import com.bookstore.db.migrations.internal.schema.SchemaDiff;
import com.bookstore.db.migrations.internal.schema.ShadowComparison;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffGenerator;
import liquibase.diff.DiffResult;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.core.StandardDiffGenerator;
import liquibase.exception.DatabaseException;
import liquibase.snapshot.DatabaseSnapshot;

import java.sql.Connection;

/**
 * {@code mvn liquibase:diff} with the {@code registry:} reference: Liquibase's own diff, then the comparison of
 * {@code ./migrate check --url} on the same target. Liquibase's diff has no object type for several differences
 * (CHECK constraints, identity, collations, comments, index sort order and predicates, enum types, foreign key rules,
 * type changes without a size change): each difference the full comparison finds is printed as a warning that points
 * to {@code ./migrate generate}, so the plugin is never silent where {@code ./migrate} would report.
 *
 * <p>Registered through {@code META-INF/services/liquibase.diff.DiffGenerator}, ahead of the standard generator for a
 * registry reference only.
 */
public class RegistryDiffGenerator implements DiffGenerator {

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(Database referenceDatabase, Database comparisonDatabase) {
        return referenceDatabase instanceof RegistryHibernateDatabase && comparisonDatabase.getConnection() instanceof JdbcConnection;
    }

    @Override
    public DiffResult compare(DatabaseSnapshot referenceSnapshot, DatabaseSnapshot comparisonSnapshot,
            CompareControl compareControl) throws DatabaseException {
        DiffResult result = new StandardDiffGenerator().compare(referenceSnapshot, comparisonSnapshot, compareControl);
        RegistryHibernateDatabase registry = (RegistryHibernateDatabase) referenceSnapshot.getDatabase();
        Connection target = ((JdbcConnection) comparisonSnapshot.getDatabase().getConnection()).getUnderlyingConnection();
        SchemaDiff full;
        // as in RegistryHibernateDatabase: the Maven plugin's context class loader sees Hibernate's classes twice
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RegistryDiffGenerator.class.getClassLoader());
        try {
            full = ShadowComparison.modelVersusConnection(registry.registry(), target);
        } catch (Exception e) {
            throw new DatabaseException("The full comparison of the entity registry with the database failed: "
                    + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        warn(full);
        return result;
    }

    static void warn(SchemaDiff full) {
        if (full.isEmpty()) {
            return;
        }
        var log = Scope.getCurrentScope().getLog(RegistryDiffGenerator.class);
        log.warning("./migrate check finds " + full.forward().size() + " difference(s) between the entity registry and this "
                + "database; Liquibase's diff has no change type for some of them, so the diff changelog may lack them. "
                + "Run ./migrate generate (or ./migrate check --url) for the complete, verified revision:");
        for (ChangeReview.Finding finding : full.review().findings()) {
            log.warning("  ./migrate would write: " + finding.description());
        }
    }
}
