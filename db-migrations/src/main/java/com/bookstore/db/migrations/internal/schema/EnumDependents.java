package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.core.runtime.MigrationConnections;
import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.migrations.internal.catalog.Catalog.EnumType;
import com.bookstore.db.migrations.internal.catalog.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why re-creating an enum type fails on a database: PostgreSQL cannot remove or reorder a label in place, so such a
 * change, and the rollback of every added label, renames the type away, creates it again and converts its columns;
 * the tables' columns, their defaults and indexes follow, but a view, a rule, a CHECK or a function using the type
 * (objects no entity owns, from hand-written revisions) stops the conversion. {@code generate} then names them instead
 * of reporting a failure of its own.
 */
final class EnumDependents {

    private static final String DEPENDENTS = """
            with ty as (select t.oid from pg_type t join pg_namespace n on n.oid = t.typnamespace
                        where (n.nspname, t.typname) in (select * from unnest(?::text[], ?::text[]))),
                 types as (select oid from ty union select typarray from pg_type where oid in (select oid from ty)),
                 cols as (select a.attrelid, a.attnum from pg_attribute a join pg_class c on c.oid = a.attrelid
                          where a.atttypid in (select oid from types) and a.attnum > 0 and not a.attisdropped)
            select distinct case when d.classid = 'pg_rewrite'::regclass
                                 then (select pg_describe_object('pg_class'::regclass, r.ev_class, 0)
                                       from pg_rewrite r where r.oid = d.objid)
                                 else pg_describe_object(d.classid, d.objid, d.objsubid) end
            from pg_depend d
            where d.deptype in ('n', 'a')
              and ((d.refclassid = 'pg_type'::regclass and d.refobjid in (select oid from types))
                   or (d.refclassid = 'pg_class'::regclass and (d.refobjid, d.refobjsubid) in (select * from cols)))
              and d.classid <> 'pg_attrdef'::regclass
              and not (d.classid = 'pg_class'::regclass and exists (select 1 from pg_class c where c.oid = d.objid
                       and (c.relkind = 'i' or (c.relkind in ('r', 'p') and d.objsubid > 0))))
              and not (d.classid = 'pg_type'::regclass and d.objid in (select oid from types))
            order by 1
            """;

    private EnumDependents() {
    }

    /** The enum types the revision or its rollback re-creates: those whose labels differ at all on the two sides. */
    static List<QualifiedName> recreated(SchemaDiff diff) {
        List<QualifiedName> types = new ArrayList<>();
        for (Map.Entry<QualifiedName, EnumType> wanted : diff.wanted().enums().entrySet()) {
            EnumType current = diff.current().enums().get(wanted.getKey());
            if (current != null && !current.labels().equals(wanted.getValue().labels())) {
                types.add(wanted.getKey());
            }
        }
        return types;
    }

    /** The objects of {@code database} (described as PostgreSQL describes them) that use {@code types}. */
    static List<String> of(DatabaseSettings database, List<QualifiedName> types) throws SQLException {
        try (Connection connection = MigrationConnections.unpooled(database).getConnection();
             PreparedStatement statement = connection.prepareStatement(DEPENDENTS)) {
            statement.setArray(1, connection.createArrayOf("text", types.stream().map(QualifiedName::schema).toArray()));
            statement.setArray(2, connection.createArrayOf("text", types.stream().map(QualifiedName::name).toArray()));
            List<String> dependents = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    dependents.add(rs.getString(1));
                }
            }
            return dependents;
        }
    }

    /**
     * The refusal when {@code failure}, the revision's verification, is PostgreSQL rejecting a statement of an enum
     * type's re-creation while objects use the type; {@code failure} itself otherwise (then it is a tool bug, as it
     * says).
     */
    static RuntimeException explain(IllegalStateException failure, SchemaDiff diff, DatabaseSettings migrated) {
        List<QualifiedName> types = recreated(diff);
        if (!(failure instanceof RevisionVerifier.Rejected rejected)
                || types.stream().noneMatch(type -> rejected.statement().contains("TYPE " + type.sql()))) {
            return failure;
        }
        List<String> dependents;
        try {
            dependents = of(migrated, types);
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return failure;
        }
        if (dependents.isEmpty()) {
            return failure;
        }
        List<String> typeNames = types.stream().map(QualifiedName::toString).toList();
        List<String> forward = diff.plan().changesets().stream().flatMap(c -> c.forward().stream())
                .filter(sql -> types.stream().anyMatch(type -> sql.contains("TYPE " + type.sql()))).toList();
        return new RevisionRefusedException("generate cannot write this revision: changing enum type "
                + String.join(", ", typeNames) + " needs the type re-created (in the revision or in its rollback: "
                + "PostgreSQL cannot remove or reorder a label in place), and " + String.join(", ", dependents)
                + " of the database use" + (dependents.size() == 1 ? "s" : "") + " it, which the re-creation cannot "
                + "convert (PostgreSQL rejects a statement of the " + rejected.part() + ": "
                + rejected.error().getMessage().strip().split("\\R")[0] + ". Statement: " + rejected.statement()
                + "). Nothing was written. Write this "
                + "change in a hand-written revision (./migrate revision -m \"...\"): its SQL "
                + (forward.isEmpty() ? "" : String.join("; ", forward) + " ") + "and a rollback that drops "
                + String.join(", ", dependents) + ", re-creates the type and creates "
                + (dependents.size() == 1 ? "it" : "them") + " again. check then agrees with the model.", failure);
    }
}
