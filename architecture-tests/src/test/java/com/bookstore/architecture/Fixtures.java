package com.bookstore.architecture;

import com.bookstore.db.core.spi.EntityContributor;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Imports one fixture package and evaluates a rule on it. */
final class Fixtures {

    /** Root of every fixture package. */
    static final String ROOT = "com.bookstore.architecture.fixtures";

    /** Where fixture contributors are declared: never read by {@code EntityRegistry.discover()}. */
    static final String SERVICES_RESOURCE = "META-INF/fixture-services/" + EntityContributor.class.getName();

    private Fixtures() {
    }

    /** The classes of {@code com.bookstore.architecture.fixtures.<relativePackage>} and its subpackages. */
    static JavaClasses importFixture(String relativePackage) {
        return new ClassFileImporter().importPackages(ROOT + "." + relativePackage);
    }

    /** {@code ROOT + "." + relative}. */
    static String fixturePackage(String relative) {
        return ROOT + "." + relative;
    }

    /** Asserts that {@code rule} fails on the fixture with exactly {@code expected}, in order. */
    static void assertViolations(ArchRule rule, String fixture, String... expected) {
        EvaluationResult result = rule.evaluate(importFixture(fixture));
        assertEquals(List.of(expected), result.getFailureReport().getDetails(),
                () -> "violations of '" + rule.getDescription() + "' on fixture " + fixture);
        assertEquals(expected.length > 0, result.hasViolation());
    }

    /** Asserts that {@code rule} passes on the fixture (and that it checked something). */
    static void assertNoViolations(ArchRule rule, String fixture) {
        EvaluationResult result = rule.evaluate(importFixture(fixture));
        assertFalse(result.hasViolation(), () -> "'" + rule.getDescription() + "' on fixture " + fixture + ":\n"
                + String.join("\n", result.getFailureReport().getDetails()));
    }
}
