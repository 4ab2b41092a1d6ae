package com.bookstore.db.migrations.internal.lint;

import com.bookstore.db.migrations.internal.hazard.Hazard;
import com.bookstore.db.migrations.internal.hazard.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Liquibase's structured changes are judged by the PostgreSQL SQL its own generators write for them, offline. */
class RevisionLinterTest {

    @TempDir
    Path dir;

    private RevisionLint lint(String changeSets) throws Exception {
        Path file = dir.resolve("revision.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                %s
                </databaseChangeLog>
                """.formatted(changeSets));
        return new RevisionLinter(null).lint(RevisionSource.read(file));
    }

    private static List<Rule> rules(RevisionLint lint) {
        return lint.findings().stream().map(RevisionLint.Finding::hazard).map(Hazard::rule).toList();
    }

    @Test
    void each_structured_change_is_judged_by_its_generated_sql() throws Exception {
        RevisionLint lint = lint("""
                <changeSet id="structured" author="t">
                    <addColumn tableName="book">
                        <column name="token" type="UUID" defaultValueComputed="gen_random_uuid()"/>
                        <column name="note" type="TEXT"/>
                    </addColumn>
                    <createIndex indexName="ix_book_note" tableName="book"><column name="note"/></createIndex>
                    <addForeignKeyConstraint baseTableName="book" baseColumnNames="publisher_id" constraintName="fk_book_publisher"
                                             referencedTableName="publisher" referencedColumnNames="id"/>
                    <addNotNullConstraint tableName="book" columnName="note" columnDataType="TEXT"/>
                    <modifyDataType tableName="book" columnName="stock" newDataType="BIGINT"/>
                    <renameColumn tableName="book" oldColumnName="title" newColumnName="name"/>
                    <addUniqueConstraint tableName="book" columnNames="isbn" constraintName="uk_book_isbn"/>
                    <dropColumn tableName="book" columnName="legacy"/>
                    <dropIndex tableName="book" indexName="ix_book_old"/>
                    <renameTable oldTableName="author" newTableName="writer"/>
                    <dropTable tableName="obsolete"/>
                    <addDefaultValue tableName="book" columnName="note" defaultValue="none"/>
                    <dropNotNullConstraint tableName="book" columnName="isbn" columnDataType="VARCHAR(13)"/>
                </changeSet>
                """);
        assertEquals(List.of(Rule.ADD_COLUMN_VOLATILE_DEFAULT, Rule.CREATE_INDEX, Rule.ADD_FOREIGN_KEY, Rule.SET_NOT_NULL,
                Rule.ALTER_COLUMN_TYPE, Rule.RENAME_COLUMN, Rule.ADD_UNIQUE, Rule.DROP_COLUMN, Rule.DROP_INDEX, Rule.RENAME_TABLE,
                Rule.DROP_TABLE), rules(lint));
        Hazard type = lint.findings().get(4).hazard();
        assertTrue(type.effect().startsWith("may rewrite"), "stock's type is not known offline: " + type.effect());
        assertEquals("structured", type.changeset());
    }

    @Test
    void changesets_and_changes_for_other_databases_are_left_out() throws Exception {
        RevisionLint lint = lint("""
                <changeSet id="h2" author="t" dbms="h2">
                    <createIndex indexName="ix_a" tableName="book"><column name="a"/></createIndex>
                </changeSet>
                <changeSet id="mixed" author="t">
                    <sql dbms="oracle">CREATE INDEX ix_b ON book (b)</sql>
                    <sql dbms="postgresql">CREATE INDEX ix_c ON book (c)</sql>
                </changeSet>
                """);
        assertEquals(1, lint.findings().size(), lint.findings()::toString);
        assertTrue(lint.findings().get(0).hazard().statement().contains("ix_c"));
    }

    @Test
    void a_table_created_by_a_structured_change_is_exempt_in_the_whole_file() throws Exception {
        RevisionLint lint = lint("""
                <changeSet id="one" author="t">
                    <createTable tableName="sticker"><column name="id" type="BIGINT"/><column name="label" type="VARCHAR(20)"/></createTable>
                </changeSet>
                <changeSet id="two" author="t">
                    <addNotNullConstraint tableName="sticker" columnName="label" columnDataType="VARCHAR(20)"/>
                    <createIndex indexName="ix_sticker_label" tableName="sticker"><column name="label"/></createIndex>
                    <modifyDataType tableName="sticker" columnName="label" newDataType="INTEGER"/>
                </changeSet>
                """);
        assertTrue(lint.passes(), lint.findings()::toString);
    }
}
