package com.bookstore.db.migrations.internal.catalog;

import com.bookstore.db.migrations.internal.catalog.Catalog.Column;
import com.bookstore.db.migrations.internal.catalog.Catalog.CompositeType;
import com.bookstore.db.migrations.internal.catalog.Catalog.Constraint;
import com.bookstore.db.migrations.internal.catalog.Catalog.EnumType;
import com.bookstore.db.migrations.internal.catalog.Catalog.Index;
import com.bookstore.db.migrations.internal.catalog.Catalog.Sequence;
import com.bookstore.db.migrations.internal.catalog.Catalog.SequenceOptions;
import com.bookstore.db.migrations.internal.catalog.Catalog.Table;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a {@link Catalog} with one set-based query per kind of object (schemas, tables, columns, constraints,
 * indexes, sequences, enums, composites, extensions), instead of one metadata call per table: the cost is a few
 * round trips whatever the size of the model.
 */
public final class CatalogReader {

    /** The migration tool's own tables: never part of the model, never compared. */
    public static final Set<String> BOOKKEEPING_TABLES = Set.of("databasechangelog", "databasechangeloglock",
            "databasechangelog_failure");

    private static final String USER_SCHEMAS = """
            select nspname from pg_namespace
            where nspname <> 'information_schema' and nspname not like 'pg\\_%'
            """;

    private static final String TABLES = """
            select c.oid, n.nspname, c.relname, obj_description(c.oid, 'pg_class')
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any(?)
            """;

    private static final String COLUMNS = """
            select a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                   case when a.attcollation <> t.typcollation then
                       case when cn.nspname = 'pg_catalog' then quote_ident(co.collname)
                            else quote_ident(cn.nspname) || '.' || quote_ident(co.collname) end end,
                   col_description(a.attrelid, a.attnum),
                   format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
            from pg_attribute a
            join pg_class c on c.oid = a.attrelid
            join pg_namespace n on n.oid = c.relnamespace
            join pg_type t on t.oid = a.atttypid
            left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            left join pg_collation co on co.oid = a.attcollation
            left join pg_namespace cn on cn.oid = co.collnamespace
            left join pg_depend dep on a.attidentity <> '' and dep.refclassid = 'pg_class'::regclass
                 and dep.refobjid = a.attrelid and dep.refobjsubid = a.attnum and dep.deptype = 'i'
                 and dep.classid = 'pg_class'::regclass
            left join pg_sequence s on s.seqrelid = dep.objid
            where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p') and n.nspname = any(?)
            order by a.attrelid, a.attnum
            """;

    private static final String CONSTRAINTS = """
            select co.conrelid, co.conname, co.contype, pg_get_constraintdef(co.oid), rn.nspname, rc.relname,
                   array(select at.attname from unnest(co.conkey) with ordinality k(num, ord)
                         join pg_attribute at on at.attrelid = co.conrelid and at.attnum = k.num order by k.ord),
                   obj_description(co.oid, 'pg_constraint'),
                   array(select at.attname from unnest(co.confkey) with ordinality k(num, ord)
                         join pg_attribute at on at.attrelid = co.confrelid and at.attnum = k.num order by k.ord)
            from pg_constraint co
            join pg_class c on c.oid = co.conrelid
            join pg_namespace n on n.oid = c.relnamespace
            left join pg_class rc on rc.oid = co.confrelid
            left join pg_namespace rn on rn.oid = rc.relnamespace
            where co.contype in ('p', 'u', 'f', 'c', 'x') and n.nspname = any(?)
            """;

    private static final String INDEXES = """
            select i.indrelid, ic.relname, pg_get_indexdef(i.indexrelid), i.indisvalid, obj_description(i.indexrelid, 'pg_class')
            from pg_index i
            join pg_class ic on ic.oid = i.indexrelid
            join pg_class c on c.oid = i.indrelid
            join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and n.nspname = any(?)
              and not exists (select 1 from pg_constraint co where co.conindid = i.indexrelid and co.conrelid = i.indrelid
                              and co.contype in ('p', 'u', 'x'))
            """;

    private static final String SEQUENCES = """
            select n.nspname, c.relname, format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
                   s.seqcache, s.seqcycle, obj_description(c.oid, 'pg_class'), ton.nspname, t.relname, a.attname
            from pg_sequence s
            join pg_class c on c.oid = s.seqrelid
            join pg_namespace n on n.oid = c.relnamespace
            left join pg_depend owner on owner.classid = 'pg_class'::regclass and owner.objid = c.oid and owner.deptype = 'a'
                 and owner.refclassid = 'pg_class'::regclass
            left join pg_class t on t.oid = owner.refobjid
            left join pg_namespace ton on ton.oid = t.relnamespace
            left join pg_attribute a on a.attrelid = owner.refobjid and a.attnum = owner.refobjsubid
            where n.nspname = any(?)
              and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                              and d.deptype = 'i')
            """;

    private static final String ENUMS = """
            select n.nspname, t.typname,
                   coalesce(array_agg(e.enumlabel::text order by e.enumsortorder) filter (where e.enumlabel is not null), '{}'),
                   obj_description(t.oid, 'pg_type')
            from pg_type t
            join pg_namespace n on n.oid = t.typnamespace
            left join pg_enum e on e.enumtypid = t.oid
            where t.typtype = 'e' and n.nspname = any(?)
            group by n.nspname, t.typname, t.oid
            """;

    private static final String COMPOSITES = """
            select n.nspname, t.typname,
                   array(select quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) from pg_attribute a
                         where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped order by a.attnum),
                   obj_description(t.oid, 'pg_type')
            from pg_type t
            join pg_namespace n on n.oid = t.typnamespace
            join pg_class c on c.oid = t.typrelid
            where t.typtype = 'c' and c.relkind = 'c' and n.nspname = any(?)
            """;

    private static final String EXTENSIONS = "select extname, extversion from pg_extension where extname <> 'plpgsql'";

    /**
     * Objects that no comparison covers: views, materialized views, foreign tables, partitions, functions, procedures,
     * triggers, rules, row-level security policies, extended statistics, domains, range types, base and shell types,
     * collations, operators, operator classes and families, text search objects, conversions, {@code UNLOGGED}
     * sequences (reset to their start after a crash); an extension's own objects aside. And what a compared table,
     * column or index has that the comparison does not compare (an entity cannot declare it): {@code UNLOGGED},
     * partitioning, columns from a composite type ({@code CREATE TABLE ... OF}), storage parameters (its TOAST
     * table's too), row-level security, a tablespace, an access method, a replica identity, inheritance; a column's
     * storage, compression, statistics target and options; an index's tablespace. {@code %1$s}, {@code %2$s} and
     * {@code %3$s} are the column-compression parts (value, filter, column): the column exists from PostgreSQL 14 on.
     */
    private static final String UNCOVERED = """
            with s as (select unnest(?::text[]) as nspname),
                 so as (select oid from pg_namespace where nspname in (select nspname from s)),
                 -- the few columns and indexes with an attribute read below, found by one pass over each catalog
                 marked_columns as materialized (
                     select col.attrelid, col.attname, col.attstorage, t.typstorage, col.attstattarget, col.attoptions%3$s
                     from pg_attribute col join pg_type t on t.oid = col.atttypid
                     where col.attnum > 0 and not col.attisdropped
                       and (col.attstorage <> t.typstorage or %2$s or coalesce(col.attstattarget::int, -1) >= 0
                            or col.attoptions is not null)),
                 placed_indexes as materialized (
                     select oid, relname, reltablespace from pg_class where relkind in ('i', 'I') and reltablespace <> 0),
                 ext as (select objid, classid from pg_depend where deptype = 'e')
            select case when c.relispartition then 'partition' when c.relkind = 'v' then 'view'
                        when c.relkind = 'm' then 'materialized view' else 'foreign table' end, n.nspname, c.relname
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where (c.relkind in ('v', 'm', 'f') or c.relispartition) and n.nspname in (select nspname from s)
              and (c.oid, 'pg_class'::regclass) not in (select objid, classid from ext)
            union all
            select 'unlogged sequence', n.nspname, c.relname
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'S' and c.relpersistence = 'u' and n.nspname in (select nspname from s)
              and (c.oid, 'pg_class'::regclass) not in (select objid, classid from ext)
              -- the sequence of a serial or identity column of an unlogged table is unlogged with it: named once
              and not exists (select 1 from pg_depend d join pg_class t on t.oid = d.refobjid
                              where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i')
                                and d.refclassid = 'pg_class'::regclass and t.relpersistence = 'u')
            union all
            select case t.typtype when 'd' then 'domain' else 'range type' end, n.nspname, t.typname
            from pg_type t join pg_namespace n on n.oid = t.typnamespace
            where t.typtype in ('d', 'r') and n.nspname in (select nspname from s)
              and (t.oid, 'pg_type'::regclass) not in (select objid, classid from ext)
            union all
            select case p.prokind when 'p' then 'procedure' else 'function' end, n.nspname, p.proname
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname in (select nspname from s)
              and (p.oid, 'pg_proc'::regclass) not in (select objid, classid from ext)
            union all
            select 'trigger', n.nspname, c.relname || '.' || t.tgname
            from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
            where not t.tgisinternal and n.nspname in (select nspname from s)
            union all
            select 'row-level security policy', n.nspname, c.relname || '.' || p.polname
            from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname in (select nspname from s)
            union all
            select 'rule', n.nspname, c.relname || '.' || r.rulename
            from pg_rewrite r join pg_class c on c.oid = r.ev_class join pg_namespace n on n.oid = c.relnamespace
            where r.rulename <> '_RETURN' and n.nspname in (select nspname from s)
              and (c.oid, 'pg_class'::regclass) not in (select objid, classid from ext)
            union all
            select o.kind, n.nspname, o.name
            from (select 'extended statistics', stxnamespace, stxname::text, oid, 'pg_statistic_ext'::regclass
                  from pg_statistic_ext where stxnamespace in (select oid from so)
                  union all
                  select 'collation', collnamespace, collname::text, oid, 'pg_collation'::regclass
                  from pg_collation where collnamespace in (select oid from so)
                  union all
                  select 'operator', oprnamespace,
                         oprname || '(' || coalesce(format_type(nullif(oprleft, 0), null), 'none') || ', '
                         || coalesce(format_type(nullif(oprright, 0), null), 'none') || ')', oid, 'pg_operator'::regclass
                  from pg_operator where oprnamespace in (select oid from so)
                  union all
                  select 'operator class', opcnamespace, opcname::text, oid, 'pg_opclass'::regclass
                  from pg_opclass where opcnamespace in (select oid from so)
                  union all
                  select 'operator family', opfnamespace, opfname::text, oid, 'pg_opfamily'::regclass
                  from pg_opfamily where opfnamespace in (select oid from so)
                  union all
                  select 'text search configuration', cfgnamespace, cfgname::text, oid, 'pg_ts_config'::regclass
                  from pg_ts_config where cfgnamespace in (select oid from so)
                  union all
                  select 'text search dictionary', dictnamespace, dictname::text, oid, 'pg_ts_dict'::regclass
                  from pg_ts_dict where dictnamespace in (select oid from so)
                  union all
                  select 'text search parser', prsnamespace, prsname::text, oid, 'pg_ts_parser'::regclass
                  from pg_ts_parser where prsnamespace in (select oid from so)
                  union all
                  select 'text search template', tmplnamespace, tmplname::text, oid, 'pg_ts_template'::regclass
                  from pg_ts_template where tmplnamespace in (select oid from so)
                  union all
                  select 'conversion', connamespace, conname::text, oid, 'pg_conversion'::regclass
                  from pg_conversion where connamespace in (select oid from so)
                  union all
                  -- base types made by CREATE TYPE (and shells), not the array types PostgreSQL makes for every type
                  select case t.typtype when 'p' then 'shell type' else 'base type' end, t.typnamespace,
                         t.typname::text, t.oid, 'pg_type'::regclass
                  from pg_type t
                  where t.typtype in ('b', 'p') and t.typnamespace in (select oid from so)
                    and t.oid not in (select typarray from pg_type where typarray <> 0)
                 ) as o(kind, namespace, name, oid, classid)
            join pg_namespace n on n.oid = o.namespace
            where (o.oid, o.classid) not in (select objid, classid from ext)
            union all
            select a.attribute, n.nspname, c.relname || '.' || col.attname
            from marked_columns col join pg_class c on c.oid = col.attrelid join pg_namespace n on n.oid = c.relnamespace
            cross join lateral (values
                (case when col.attstorage <> col.typstorage then 'storage ' || case col.attstorage when 'p' then 'PLAIN'
                      when 'e' then 'EXTERNAL' when 'm' then 'MAIN' else 'EXTENDED' end || ' of column' end),
                (%1$s),
                (case when coalesce(col.attstattarget::int, -1) >= 0
                      then 'statistics target ' || col.attstattarget || ' of column' end),
                (case when col.attoptions is not null
                      then 'options (' || array_to_string(col.attoptions, ', ') || ') of column' end)
            ) as a(attribute)
            where c.relkind in ('r', 'p') and not c.relispartition and a.attribute is not null
              and c.relnamespace in (select oid from so)
              and (c.oid, 'pg_class'::regclass) not in (select objid, classid from ext)
            union all
            select 'tablespace ' || quote_ident(ts.spcname) || ' of index', n.nspname, ic.relname
            from placed_indexes ic join pg_index i on i.indexrelid = ic.oid join pg_class c on c.oid = i.indrelid
            join pg_namespace n on n.oid = c.relnamespace join pg_tablespace ts on ts.oid = ic.reltablespace
            where c.relkind in ('r', 'p') and not c.relispartition and c.relnamespace in (select oid from so)
              and (c.oid, 'pg_class'::regclass) not in (select objid, classid from ext)
            union all
            select a.attribute, n.nspname, c.relname
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            cross join lateral (values
                (case when c.relpersistence = 'u' then 'unlogged table' end),
                (case when c.reloftype <> 0 then 'columns from type ' || format_type(c.reloftype, null) || ' of table' end),
                (case when c.relkind = 'p' then 'partitioning by ' || pg_get_partkeydef(c.oid) || ' of table' end),
                (case when c.reloptions is not null
                      then 'storage parameters (' || array_to_string(c.reloptions, ', ') || ') of table' end),
                ((select 'storage parameters (' || array_to_string(array(select 'toast.' || o from unnest(tc.reloptions) o),
                                                                   ', ') || ') of table'
                  from pg_class tc where tc.oid = c.reltoastrelid and tc.reloptions is not null)),
                (case when c.relrowsecurity then 'row-level security'
                      || case when c.relforcerowsecurity then ' (forced)' else '' end || ' on table' end),
                ((select 'tablespace ' || quote_ident(t.spcname) || ' of table' from pg_tablespace t
                  where t.oid = c.reltablespace)),
                ((select 'access method ' || quote_ident(am.amname) || ' of table' from pg_am am
                  where am.oid = c.relam and am.amname <> 'heap')),
                (case c.relreplident when 'f' then 'replica identity full of table'
                      when 'n' then 'replica identity nothing of table'
                      when 'i' then 'replica identity using an index of table' end),
                ((select 'inheritance from ' || string_agg(case when pn.nspname = 'public' then ''
                                                                else quote_ident(pn.nspname) || '.' end
                                                           || quote_ident(p.relname), ', ' order by i.inhseqno) || ' of table'
                  from pg_inherits i join pg_class p on p.oid = i.inhparent join pg_namespace pn on pn.oid = p.relnamespace
                  where i.inhrelid = c.oid and p.relkind <> 'p'))
            ) as a(attribute)
            where c.relkind in ('r', 'p') and not c.relispartition and a.attribute is not null
              and n.nspname in (select nspname from s)
              and (c.oid, 'pg_class'::regclass) not in (select objid, classid from ext)
              -- the attributes above are read only for the few tables that have one
              and (c.relpersistence = 'u' or c.relkind = 'p' or c.reloftype <> 0 or c.reloptions is not null or c.relrowsecurity
                   or exists (select 1 from pg_class tc where tc.oid = c.reltoastrelid and tc.reloptions is not null)
                   or c.reltablespace <> 0 or c.relreplident <> 'd'
                   or c.relam <> (select oid from pg_am where amname = 'heap')
                   or exists (select 1 from pg_inherits i where i.inhrelid = c.oid))
            order by 2, 3, 1
            """;


    private CatalogReader() {
    }

    /** The schemas a user created, and {@code public}: everything but PostgreSQL's own. */
    public static Set<String> userSchemas(Connection connection) throws SQLException {
        Set<String> schemas = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(USER_SCHEMAS)) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    /** The catalog of {@code schemas} (those that exist; others are simply absent). */
    public static Catalog read(Connection connection, Collection<String> schemas) throws SQLException {
        // format_type, pg_get_constraintdef and pg_get_expr qualify the names a session's search_path does not show:
        // both sides are read with the same one, whatever DATABASE_URL's options set, and the session gets its own back
        String searchPath;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("show search_path")) {
            rs.next();
            searchPath = rs.getString(1);
        }
        setSearchPath(connection, QualifiedName.DEFAULT_SCHEMA);
        try {
            return readPinned(connection, schemas);
        } finally {
            setSearchPath(connection, searchPath);
        }
    }

    private static void setSearchPath(Connection connection, String searchPath) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('search_path', ?, false)")) {
            statement.setString(1, searchPath);
            statement.execute();
        }
    }

    private static Catalog readPinned(Connection connection, Collection<String> schemas) throws SQLException {
        Array names = connection.createArrayOf("text", schemas.toArray());
        Set<String> existing = new TreeSet<>(userSchemas(connection));
        existing.retainAll(schemas);

        Map<Long, QualifiedName> tableNames = new HashMap<>();
        Map<Long, String> tableComments = new HashMap<>();
        query(connection, TABLES, names, rs -> {
            String name = rs.getString(3);
            if (!(QualifiedName.DEFAULT_SCHEMA.equals(rs.getString(2)) && BOOKKEEPING_TABLES.contains(name))) {
                tableNames.put(rs.getLong(1), new QualifiedName(rs.getString(2), name));
                tableComments.put(rs.getLong(1), rs.getString(4));
            }
        });
        Map<Long, List<Column>> columns = new HashMap<>();
        query(connection, COLUMNS, names, rs -> {
            if (!tableNames.containsKey(rs.getLong(1))) {
                return;
            }
            String identity = rs.getString(6);
            boolean generated = "s".equals(rs.getString(7));
            String expression = rs.getString(5);
            SequenceOptions identitySequence = identity.isEmpty() ? null : sequenceOptions(rs, 10);
            columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Column(rs.getString(2), canonicalType(rs.getString(3)),
                    rs.getBoolean(4), generated ? null : expression, identity, identitySequence, rs.getString(8),
                    generated ? expression : null, rs.getString(9)));
        });
        Map<Long, TreeMap<String, Constraint>> constraints = new HashMap<>();
        query(connection, CONSTRAINTS, names, rs -> {
            String referencedTable = rs.getString(6);
            constraints.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), new Constraint(
                    rs.getString(2), rs.getString(3).charAt(0), rs.getString(4),
                    referencedTable == null ? null : new QualifiedName(rs.getString(5), referencedTable),
                    List.of((String[]) rs.getArray(7).getArray()), List.of((String[]) rs.getArray(9).getArray()),
                    rs.getString(8)));
        });
        Map<Long, TreeMap<String, Index>> indexes = new HashMap<>();
        query(connection, INDEXES, names, rs -> indexes.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                .put(rs.getString(2), new Index(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5))));

        TreeMap<QualifiedName, Table> tables = new TreeMap<>();
        tableNames.forEach((oid, name) -> tables.put(name, new Table(name, List.copyOf(columns.getOrDefault(oid, List.of())),
                constraints.getOrDefault(oid, new TreeMap<>()), indexes.getOrDefault(oid, new TreeMap<>()),
                tableComments.get(oid))));

        TreeMap<QualifiedName, Sequence> sequences = new TreeMap<>();
        query(connection, SEQUENCES, names, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            QualifiedName owner = rs.getString(12) == null ? null : new QualifiedName(rs.getString(11), rs.getString(12));
            sequences.put(name, new Sequence(name, sequenceOptions(rs, 3), rs.getString(10), owner, rs.getString(13)));
        });
        TreeMap<QualifiedName, EnumType> enums = new TreeMap<>();
        query(connection, ENUMS, names, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            enums.put(name, new EnumType(name, List.of((String[]) rs.getArray(3).getArray()), rs.getString(4)));
        });
        TreeMap<QualifiedName, CompositeType> composites = new TreeMap<>();
        query(connection, COMPOSITES, names, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            composites.put(name, new CompositeType(name, List.of((String[]) rs.getArray(3).getArray()), rs.getString(4)));
        });
        Map<String, String> extensions = extensions(connection);
        List<String> uncovered = new ArrayList<>();
        boolean compression = connection.getMetaData().getDatabaseMajorVersion() >= 14;
        String uncoveredSql = UNCOVERED.formatted(compression
                ? "case when col.attcompression <> '' then 'compression ' || case col.attcompression when 'p' then 'pglz' "
                        + "when 'l' then 'lz4' else col.attcompression::text end || ' of column' end"
                : "null::text", compression ? "col.attcompression <> ''" : "false", compression ? ", col.attcompression" : "");
        try (PreparedStatement statement = connection.prepareStatement(uncoveredSql)) {
            statement.setArray(1, names);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    uncovered.add(rs.getString(1) + " " + new QualifiedName(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return new Catalog(existing, tables, sequences, enums, composites, extensions, List.copyOf(uncovered));
    }

    /**
     * {@code timestamp(6)} and {@code timestamp} store the same values (6 fractional digits is PostgreSQL's maximum),
     * and so do {@code time(6)} and {@code time}; Hibernate writes the first, hand-written SQL the second.
     */
    static String canonicalType(String formatted) {
        return formatted.replaceFirst("^(timestamp|time)\\(6\\)", "$1");
    }

    /** Installed extensions (name to version), PostgreSQL's own {@code plpgsql} aside. */
    public static Map<String, String> extensions(Connection connection) throws SQLException {
        Map<String, String> extensions = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(EXTENSIONS)) {
            while (rs.next()) {
                extensions.put(rs.getString(1), rs.getString(2));
            }
        }
        return extensions;
    }

    private static SequenceOptions sequenceOptions(ResultSet rs, int first) throws SQLException {
        return new SequenceOptions(rs.getString(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getLong(first + 4), rs.getLong(first + 5), rs.getBoolean(first + 6));
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, Array schemas, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, schemas);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        }
    }

}
