package com.bookstore.db.migrations.internal.changelog;

import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.parser.core.xml.XMLChangeLogSAXParser;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.serializer.core.string.StringChangeLogSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema-caching parser answers exactly as Liquibase's own XML parser: the same changesets from valid files, the
 * same refusal (same message) from files that break the XSD they name, whatever order the files come in, so that a
 * grammar compiled for one XSD version is never used for a file naming another.
 */
class SchemaCachingChangeLogParserTest {

    private static final String DBCHANGELOG = "http://www.liquibase.org/xml/ns/dbchangelog";

    /** File name to content: each case once valid, once broken, under several XSD versions and none. */
    private static final Map<String, String> FILES = files();

    @TempDir
    Path dir;

    @Test
    void liquibase_picks_this_parser_for_xml_changelogs() throws Exception {
        write();
        ChangeLogParser parser = ChangeLogParserFactory.getInstance()
                .getParser("latest_valid.xml", new DirectoryResourceAccessor(dir));
        assertInstanceOf(SchemaCachingChangeLogParser.class, parser);
    }

    @Test
    void every_file_parses_or_fails_exactly_as_with_liquibases_parser_in_either_order() throws Exception {
        write();
        List<String> names = List.copyOf(FILES.keySet());
        Map<String, String> stock = outcomes(new XMLChangeLogSAXParser(), names);
        // one caching parser for both orders: grammars compiled for the first order's files are in the cache for the
        // second; a fresh parser per file is what Liquibase does, and the cache is per process anyway
        SchemaCachingChangeLogParser caching = new SchemaCachingChangeLogParser();
        assertEquals(stock, outcomes(caching, names));
        List<String> reversed = new java.util.ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        assertEquals(stock, outcomes(new SchemaCachingChangeLogParser(), reversed));
        assertEquals(stock, outcomes(caching, names));

        // the cases prove something: valid files parse, broken ones fail, and the old XSD refuses what only the new allows
        assertTrue(stock.get("latest_valid.xml").startsWith("parsed"), stock::toString);
        assertTrue(stock.get("v4_33_valid.xml").startsWith("parsed"), stock::toString);
        assertTrue(stock.get("latest_if_not_exists.xml").startsWith("parsed"), stock::toString);
        assertTrue(stock.get("v3_8_if_not_exists.xml").contains("ifNotExists"), stock::toString);
        assertTrue(stock.get("latest_misspelled_attribute.xml").contains("tableNam"), stock::toString);
        assertTrue(stock.get("latest_unknown_element.xml").contains("createTabel"), stock::toString);
        assertTrue(stock.get("v3_8_valid.xml").startsWith("parsed"), stock::toString);
        assertTrue(stock.get("not_well_formed.xml").contains("line"), stock::toString);
    }

    @Test
    void without_validation_or_secure_parsing_it_still_answers_as_liquibase() throws Exception {
        write();
        List<String> names = List.copyOf(FILES.keySet());
        for (Map<String, Object> settings : List.<Map<String, Object>>of(Map.of("liquibase.validateXmlChangelogFiles", false),
                Map.of("liquibase.secureParsing", false))) {
            Map<String, String> stock = Scope.child(settings, () -> outcomes(new XMLChangeLogSAXParser(), names));
            Map<String, String> caching = Scope.child(settings, () -> outcomes(new SchemaCachingChangeLogParser(), names));
            assertEquals(stock, caching, settings::toString);
        }
        Map<String, String> unvalidated = Scope.child(Map.of("liquibase.validateXmlChangelogFiles", false),
                () -> outcomes(new SchemaCachingChangeLogParser(), names));
        assertTrue(unvalidated.get("v3_8_if_not_exists.xml").startsWith("parsed"), unvalidated::toString);
    }

    private Map<String, String> outcomes(XMLChangeLogSAXParser parser, List<String> names) throws Exception {
        Map<String, String> outcomes = new java.util.TreeMap<>();
        DirectoryResourceAccessor files = new DirectoryResourceAccessor(dir);
        for (String name : names) {
            outcomes.put(name, Scope.child(Map.of(), () -> outcome(parser, name, files)));
        }
        return outcomes;
    }

    private static String outcome(XMLChangeLogSAXParser parser, String name, DirectoryResourceAccessor files) {
        try {
            DatabaseChangeLog log = parser.parse(name, new ChangeLogParameters(), files);
            StringChangeLogSerializer serializer = new StringChangeLogSerializer();
            return "parsed " + log.getChangeSets().stream().map(ChangeSet::getId).toList() + " "
                    + log.getChangeSets().stream().flatMap(c -> c.getChanges().stream()).map(change -> serializer.serialize(change, false))
                    .collect(Collectors.joining("; "));
        } catch (Exception e) {
            StringBuilder messages = new StringBuilder("failed");
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(": ").append(t.getMessage());
            }
            return messages.toString();
        }
    }

    private void write() throws Exception {
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        String table = "<createTable tableName=\"shelf\"><column name=\"id\" type=\"bigint\"/></createTable>";
        String ifNotExists = "<createTable tableName=\"shelf\" ifNotExists=\"true\"><column name=\"id\" type=\"bigint\"/>"
                + "</createTable>";
        files.put("v3_8_valid.xml", changelog("dbchangelog-3.8.xsd", table));
        files.put("v3_8_if_not_exists.xml", changelog("dbchangelog-3.8.xsd", ifNotExists));
        files.put("latest_valid.xml", changelog("dbchangelog-latest.xsd", table));
        files.put("latest_if_not_exists.xml", changelog("dbchangelog-latest.xsd", ifNotExists));
        files.put("v4_33_valid.xml", changelog("dbchangelog-4.33.xsd", table));
        files.put("v4_33_if_not_exists.xml", changelog("dbchangelog-4.33.xsd", ifNotExists));
        files.put("latest_misspelled_attribute.xml", changelog("dbchangelog-latest.xsd",
                "<createTable tableNam=\"shelf\"><column name=\"id\" type=\"bigint\"/></createTable>"));
        files.put("latest_unknown_element.xml", changelog("dbchangelog-latest.xsd",
                "<createTabel tableName=\"shelf\"><column name=\"id\" type=\"bigint\"/></createTabel>"));
        files.put("no_schema_location.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="%s">
                    <changeSet id="1" author="test">%s</changeSet>
                </databaseChangeLog>
                """.formatted(DBCHANGELOG, table));
        files.put("not_well_formed.xml", changelog("dbchangelog-latest.xsd", "<createTable tableName=\"shelf\">"));
        files.put("unknown_xsd_location.xml", changelog("dbchangelog-latest.xsd", table).replace(
                "xsi:schemaLocation=\"", "xmlns:ext=\"http://example.com/ns/ext\" xsi:schemaLocation=\"http://example.com/ns/ext "
                        + "missing-ext.xsd ").replace("<changeSet", "<ext:note text=\"x\"/><changeSet"));
        files.put("https_location.xml", changelog("dbchangelog-latest.xsd", table).replace("http://www.liquibase.org/xml/ns/dbchangelog/",
                "https://www.liquibase.org/xml/ns/dbchangelog/"));
        return files;
    }

    private static String changelog(String xsd, String change) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="%1$s" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="%1$s %1$s/%2$s">
                    <changeSet id="1" author="test">%3$s</changeSet>
                </databaseChangeLog>
                """.formatted(DBCHANGELOG, xsd, change);
    }
}
