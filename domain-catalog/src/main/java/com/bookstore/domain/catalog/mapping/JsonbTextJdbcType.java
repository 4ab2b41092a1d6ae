package com.bookstore.domain.catalog.mapping;

import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Maps a {@code String} holding JSON text to a PostgreSQL {@code jsonb} column, without a JSON library.
 *
 * <p>Why: Hibernate 6.6's own JSON mapping ({@code @JdbcTypeCode(SqlTypes.JSON)}) needs a {@code FormatMapper}, i.e.
 * Jackson or a JSON-B implementation on the class path, even for a {@code String} attribute; without one every insert
 * fails with "Could not find a FormatMapper for the JSON format". This type keeps {@link SqlTypes#JSON} as its DDL type
 * (so the dialect, schema export and migration diffs still see {@code jsonb}) but binds the text as an untyped
 * parameter, which PostgreSQL casts to {@code jsonb} itself, parsing and validating it. Use with
 * {@code @JdbcType(JsonbTextJdbcType.class)}.
 *
 * <p>Candidate for db-core if another module needs it.
 */
public final class JsonbTextJdbcType implements JdbcType {

    private static final long serialVersionUID = 1L;

    /** What is bound: an untyped ({@link Types#OTHER}) value, also for {@code null}. */
    @Override
    public int getJdbcTypeCode() {
        return Types.OTHER;
    }

    /** What the column is: {@code jsonb} on PostgreSQL. */
    @Override
    public int getDefaultSqlTypeCode() {
        return SqlTypes.JSON;
    }

    @Override
    public String getFriendlyName() {
        return "JSONB_TEXT";
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doBind(PreparedStatement statement, X value, int index, WrapperOptions options)
                    throws SQLException {
                statement.setObject(index, javaType.unwrap(value, String.class, options), Types.OTHER);
            }

            @Override
            protected void doBind(CallableStatement statement, X value, String name, WrapperOptions options)
                    throws SQLException {
                statement.setObject(name, javaType.unwrap(value, String.class, options), Types.OTHER);
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            private static final long serialVersionUID = 1L;

            @Override
            protected X doExtract(ResultSet rows, int index, WrapperOptions options) throws SQLException {
                return javaType.wrap(rows.getString(index), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(statement.getString(index), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(statement.getString(name), options);
            }
        };
    }

    @Override
    public String toString() {
        return "JsonbTextJdbcType";
    }
}
