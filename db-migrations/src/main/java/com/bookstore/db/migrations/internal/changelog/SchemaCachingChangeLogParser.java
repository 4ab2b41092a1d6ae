package com.bookstore.db.migrations.internal.changelog;

import liquibase.GlobalConfiguration;
import liquibase.parser.core.xml.XMLChangeLogSAXParser;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Liquibase's XML changelog parser, validating each file against the XSDs its {@code xsi:schemaLocation} names exactly
 * as Liquibase does, but compiling each XSD once per process instead of once per file.
 *
 * <p>Why: Liquibase gives every file a fresh parser, which reads and compiles {@code dbchangelog-*.xsd} (about 3,000
 * lines) again: 20-30 ms per file, a fifth of the test suite's Java time and most of a changelog's parse. Here the
 * parser validates through one {@link SchemaFactory#newSchema() location-hint schema} for the process: the JDK keeps
 * the XSDs it compiles from the files' hints, keyed by namespace <em>and</em> location, so a file naming
 * {@code dbchangelog-3.8.xsd} is still validated against 3.8 and one naming {@code dbchangelog-latest.xsd} against the
 * latest. The XSDs are found as Liquibase finds them (the parser keeps Liquibase's entity resolver, which also
 * resolves the schema locations: its jar, never the network unless Liquibase itself would fetch them), and a file
 * that breaks its XSD fails as it did, naming the file and line.
 * {@code liquibase.secureParsing} applies as in Liquibase's parser. An XSD is read once per process and kept under the
 * location the file names: an XSD file of the project edited while a process runs is seen by the next process, and a
 * process parsing two projects whose changelogs name the same relative XSD location (not Liquibase's own, which are
 * absolute URLs) validates both against the first one read. With
 * {@code liquibase.validateXmlChangelogFiles=false} nothing changes: Liquibase's own parser, without validation.
 */
public final class SchemaCachingChangeLogParser extends XMLChangeLogSAXParser {

    /** One per value of {@code liquibase.secureParsing}, made when first needed. */
    private static final Map<Boolean, Schema> FROM_LOCATION_HINTS = new ConcurrentHashMap<>();

    public SchemaCachingChangeLogParser() {
        SAXParserFactory factory = getSaxParserFactory();
        if (factory.isValidating()) {
            factory.setValidating(false); // no DTD validation (Liquibase's changelogs have no DTD): the schema validates
            factory.setSchema(FROM_LOCATION_HINTS.computeIfAbsent(GlobalConfiguration.SECURE_PARSING.getCurrentValue(),
                    SchemaCachingChangeLogParser::fromLocationHints));
        }
    }

    /** Chosen over Liquibase's own XML parser. */
    @Override
    public int getPriority() {
        return super.getPriority() + 1;
    }

    private static Schema fromLocationHints(boolean secureParsing) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            if (secureParsing) {
                // as Liquibase's parser: an XSD it does not hold may be read over http(s), not from a file or jar URL
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "http,https");
            }
            return factory.newSchema();
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot set up XML schema validation of changelogs: " + e.getMessage(), e);
        }
    }
}
