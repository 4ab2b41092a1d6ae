package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.internal.schema.RevisionRefusedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureReportTest {

    @Test
    void a_refused_revision_is_a_refusal_in_its_own_words_not_a_tool_failure() {
        IllegalStateException verification = new IllegalStateException("The generated revision failed its verification "
                + "... This is a bug of the migration tool; please report it");
        FailureReport report = FailureReport.of(new RuntimeException("wrapped by a step",
                new RevisionRefusedException("generate cannot write this revision: view happy_days uses it.", verification)));

        assertEquals(ExitCode.DIFFERENCES_OR_REFUSED, report.exitCode());
        assertEquals("generate cannot write this revision: view happy_days uses it.", report.message());
    }
}
