package com.bookstore.db.migrations.internal.hazard;

import com.bookstore.db.migrations.internal.catalog.QualifiedName;
import com.bookstore.db.migrations.internal.hazard.Action.AddColumn;
import com.bookstore.db.migrations.internal.hazard.Action.AddConstraint;
import com.bookstore.db.migrations.internal.hazard.Action.AlterType;
import com.bookstore.db.migrations.internal.hazard.Action.CatalogOnly;
import com.bookstore.db.migrations.internal.hazard.Action.DropNotNull;
import com.bookstore.db.migrations.internal.hazard.Action.DropColumn;
import com.bookstore.db.migrations.internal.hazard.Action.DropConstraint;
import com.bookstore.db.migrations.internal.hazard.Action.MoveTable;
import com.bookstore.db.migrations.internal.hazard.Action.RenameColumn;
import com.bookstore.db.migrations.internal.hazard.Action.SetNotNull;
import com.bookstore.db.migrations.internal.hazard.Action.Unclassified;
import com.bookstore.db.migrations.internal.hazard.Action.ValidateConstraint;
import com.bookstore.db.migrations.internal.hazard.Statement.AlterTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code ALTER TABLE [IF EXISTS] [ONLY] name action, ...} into its actions, in the forms the generator writes,
 * Liquibase's PostgreSQL SQL generators write ({@code ADD col type} without COLUMN, {@code USING (col::type)}) and
 * people write. Whatever an action holds that is not recognised makes it {@link Unclassified}.
 */
final class AlterTableParser {

    /** Words after {@code ALTER COLUMN c SET} or {@code ALTER COLUMN c} that change an identity's sequence. */
    private static final List<String> IDENTITY_OPTIONS = List.of("increment", "start", "minvalue", "maxvalue", "no", "cache",
            "cycle", "restart");

    private AlterTableParser() {
    }

    /** Called after {@code ALTER TABLE}; null when no table name follows. */
    static AlterTable parse(Tokens t) {
        t.accept("if", "exists");
        t.accept("only");
        QualifiedName table = t.name();
        if (table == null) {
            return null;
        }
        t.acceptSymbol("*");
        List<Action> actions = new ArrayList<>();
        if (t.accept("rename")) {
            actions.add(rename(t));
        } else if (t.accept("set", "schema")) {
            String schema = t.identifier();
            actions.add(schema == null ? new Unclassified(t.text()) : new MoveTable(null, schema));
        } else {
            do {
                actions.add(action(t));
            } while (t.acceptSymbol(","));
        }
        if (!t.atEnd()) { // something after the last action we could not place
            actions.add(new Unclassified(t.text(t.position(), t.all().size())));
        }
        return new AlterTable(table, List.copyOf(actions));
    }

    private static Action rename(Tokens t) {
        int start = t.position();
        if (t.accept("to")) {
            String name = t.identifier();
            return name == null ? unclassified(t, start) : new MoveTable(name, null);
        }
        if (t.accept("constraint")) {
            String from = t.identifier();
            return from != null && t.accept("to") && t.identifier() != null
                    ? new CatalogOnly("rename constraint " + from, LockLevel.ACCESS_EXCLUSIVE) : unclassified(t, start);
        }
        t.accept("column");
        String from = t.identifier();
        if (from == null || !t.accept("to")) {
            return unclassified(t, start);
        }
        String to = t.identifier();
        return to == null ? unclassified(t, start) : new RenameColumn(from, to);
    }

    private static Action action(Tokens t) {
        int start = t.position();
        Action action;
        if (t.accept("add")) {
            action = add(t);
        } else if (t.accept("drop")) {
            action = drop(t);
        } else if (t.accept("alter")) {
            t.accept("column");
            String column = t.identifier();
            action = column == null ? null : alterColumn(t, column);
        } else if (t.accept("validate", "constraint")) {
            String name = t.identifier();
            action = name == null ? null : new ValidateConstraint(name);
        } else {
            action = null;
        }
        if (action == null || !DefinitionParser.endOfDefinition(t)) {
            return unclassified(t, start);
        }
        return action;
    }

    private static Action add(Tokens t) {
        if (DefinitionParser.constraintAhead(t)) {
            AddConstraint constraint = DefinitionParser.constraint(t);
            return constraint;
        }
        t.accept("column");
        t.accept("if", "not", "exists");
        ColumnDefinition column = DefinitionParser.column(t);
        return column.understood() ? new AddColumn(column) : null;
    }

    private static Action drop(Tokens t) {
        if (t.accept("constraint")) {
            t.accept("if", "exists");
            String name = t.identifier();
            t.accept("cascade");
            t.accept("restrict");
            return name == null ? null : new DropConstraint(name);
        }
        t.accept("column");
        t.accept("if", "exists");
        String column = t.identifier();
        t.accept("cascade");
        t.accept("restrict");
        return column == null ? null : new DropColumn(column);
    }

    private static Action alterColumn(Tokens t, String column) {
        if (t.accept("type") || t.accept("set", "data", "type")) {
            int[] type = DefinitionParser.typeName(t);
            if (type == null) {
                return null;
            }
            String collation = t.accept("collate") ? DefinitionParser.collationName(t) : null;
            List<SqlLexer.Token> using = null;
            if (t.accept("using")) {
                int[] expression = t.readExpression();
                using = t.slice(expression[0], expression[1]);
            }
            return new AlterType(column, t.text(type[0], type[1]), collation, using);
        }
        if (t.accept("set", "not", "null")) {
            return new SetNotNull(column);
        }
        if (t.accept("drop", "not", "null")) {
            return new DropNotNull(column);
        }
        if (t.accept("set", "default")) {
            t.readExpression();
            return new CatalogOnly("set the default of " + column + " (for new rows only)", LockLevel.ACCESS_EXCLUSIVE);
        }
        if (t.accept("drop", "default")) {
            return new CatalogOnly("drop the default of " + column, LockLevel.ACCESS_EXCLUSIVE);
        }
        if (t.accept("drop", "expression")) {
            t.accept("if", "exists");
            return new CatalogOnly("make " + column + " a plain column", LockLevel.ACCESS_EXCLUSIVE);
        }
        if (t.accept("drop", "identity")) {
            t.accept("if", "exists");
            return new CatalogOnly("drop the identity of " + column, LockLevel.ACCESS_EXCLUSIVE);
        }
        if (t.accept("add", "generated")) { // ADD GENERATED ... AS IDENTITY: existing values are kept
            if (!(t.accept("always", "as", "identity") || t.accept("by", "default", "as", "identity"))) {
                return null;
            }
            t.skipParentheses();
            return new CatalogOnly("make " + column + " an identity column", LockLevel.ACCESS_EXCLUSIVE);
        }
        if (t.accept("set", "statistics")) {
            t.readExpression();
            return new CatalogOnly("set the statistics target of " + column, LockLevel.SHARE_UPDATE_EXCLUSIVE);
        }
        if (t.accept("set", "storage") || t.accept("set", "compression")) {
            t.identifier();
            return new CatalogOnly("set the storage of " + column + " (for new values only)", LockLevel.ACCESS_EXCLUSIVE);
        }
        if (identityOptions(t)) {
            return new CatalogOnly("change the identity sequence of " + column, LockLevel.ACCESS_EXCLUSIVE);
        }
        return null;
    }

    /** {@code SET GENERATED ...}, {@code SET INCREMENT BY 1 SET START WITH 1 RESTART ...}: at least one. */
    private static boolean identityOptions(Tokens t) {
        boolean any = false;
        while (true) {
            if (t.accept("set", "generated")) {
                if (!(t.accept("always") || t.accept("by", "default"))) {
                    return false;
                }
            } else if (t.peekWords("restart") || t.peekWords("set") && t.peek(1) != null
                    && IDENTITY_OPTIONS.contains(t.peek(1).value()) && t.peek(1).kind() == SqlLexer.Kind.WORD) {
                t.accept("set");
                t.readExpression("set", "restart");
            } else {
                return any;
            }
            any = true;
        }
    }

    private static Action unclassified(Tokens t, int start) {
        t.reset(start);
        int[] range = t.readUntil();
        if (range[0] == range[1] && !t.atEnd()) { // a stray ")" or similar: take the rest
            range[1] = t.all().size();
            t.reset(range[1]);
        }
        return new Unclassified(t.text(range[0], range[1]));
    }
}
