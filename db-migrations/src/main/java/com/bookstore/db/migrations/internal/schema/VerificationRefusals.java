package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.settings.DatabaseSettings;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * A revision whose verification failed because of the user's own objects, not the tool: a view, a rule or a function
 * from a hand-written revision that depends on a column the revision changes or drops. PostgreSQL will not change a
 * column's type under a view, nor drop what others depend on, and {@code generate} does not re-create objects no
 * entity owns; so it refuses, names them with PostgreSQL's own words, and says how to write the change instead. Any
 * other verification failure stays a tool bug, as it says.
 */
final class VerificationRefusals {

    /** PostgreSQL's feature_not_supported for a type change under a view or rule; dependent_objects_still_exist. */
    private static final String FEATURE_NOT_SUPPORTED = "0A000";
    private static final String DEPENDENT_OBJECTS_STILL_EXIST = "2BP01";
    private static final Pattern TYPE_CHANGE = Pattern.compile("(?is).*\\bALTER\\s+COLUMN\\s+.+\\s+TYPE\\s.*");

    private VerificationRefusals() {
    }

    /** The refusal that explains {@code failure}, or {@code failure} itself. */
    static RuntimeException explain(IllegalStateException failure, SchemaDiff diff, DatabaseSettings migrated) {
        RuntimeException enums = EnumDependents.explain(failure, diff, migrated);
        if (enums != failure) {
            return enums;
        }
        if (!(failure instanceof RevisionVerifier.Rejected rejected) || !dependentsInTheWay(rejected)) {
            return failure;
        }
        SQLException error = rejected.error();
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String said = server != null && server.getMessage() != null ? server.getMessage()
                : error.getMessage().strip().split("\\R")[0];
        String detail = server != null && server.getDetail() != null ? " (" + server.getDetail().replaceAll("\\s+", " ") + ")"
                : "";
        return new RevisionRefusedException("generate cannot write this revision: objects of the database that no entity "
                + "owns depend on what a statement of its " + rejected.part() + " changes, and PostgreSQL refuses it: "
                + said + detail + ". Statement: " + rejected.statement() + ". Nothing was written. Such objects come from "
                + "hand-written revisions (views, rules, functions), which generate does not re-create. Write this change "
                + "in a hand-written revision (./migrate revision -m \"...\"): drop them, run the statement, create them "
                + "again, and a rollback that does the same the other way round; generate then writes whatever else the "
                + "model changed, and check agrees with the model.", failure);
    }

    private static boolean dependentsInTheWay(RevisionVerifier.Rejected rejected) {
        String state = rejected.error().getSQLState();
        return DEPENDENT_OBJECTS_STILL_EXIST.equals(state)
                || FEATURE_NOT_SUPPORTED.equals(state) && TYPE_CHANGE.matcher(rejected.statement()).matches();
    }
}
