package com.bookstore.db.migrations.internal.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ColumnTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "character varying(100)|varchar(100)", "VARCHAR(100 BYTE)|varchar(100)", "integer|integer", "INT4|integer",
            "bigint|bigint", "BIGSERIAL|bigint", "numeric(12,2)|numeric(12,2)", "NUMBER(12, 2)|numeric(12,2)",
            "timestamp(6) with time zone|timestamp with time zone", "TIMESTAMP WITH TIME ZONE|timestamp with time zone",
            "timestamp without time zone|timestamp", "timestamp(6)|timestamp", "text|text", "CLOB|text", "jsonb|jsonb",
            "uuid|uuid", "character(3)|char(3)", "double precision|double precision", "bool|boolean"})
    void canonical_sql_name(String written, String canonical) {
        assertEquals(canonical, ColumnType.parse(written).sql());
    }

    @ParameterizedTest(name = "{0} into {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "varchar(100)|varchar(200)|true", "varchar(200)|varchar(100)|false", "varchar(100)|text|true",
            "text|varchar(100)|false", "integer|bigint|true", "bigint|integer|false", "smallint|integer|true",
            "numeric(10,2)|numeric(12,2)|true", "numeric(12,2)|numeric(10,2)|false", "numeric(12,2)|numeric(12,3)|false",
            "numeric(12,2)|numeric(13,3)|true", "numeric(12,2)|numeric|true",
            "timestamp|timestamp with time zone|true", "timestamp with time zone|timestamp|false",
            "varchar(10)|integer|false", "uuid|uuid|true", "real|double precision|true", "integer|numeric(5,0)|false"})
    void whether_every_value_fits(String from, String to, boolean fits) {
        assertEquals(fits, ColumnType.parse(from).fitsInto(ColumnType.parse(to)));
    }
}
