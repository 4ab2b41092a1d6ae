package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.internal.hazard.HazardReport;
import com.bookstore.db.migrations.internal.schema.ChangeReview;

import java.io.PrintStream;

/** Prints a {@link ChangeReview} the same way for {@code generate} and {@code check}: one marked line per change. */
final class ReviewPrinter {

    private ReviewPrinter() {
    }

    static void print(PrintStream out, ChangeReview review) {
        out.println(review.findings().size() + " change(s):");
        review.findings().forEach(out::println);
        review.renameHints().forEach(hint -> out.println("hint: " + hint));
    }

    /**
     * The deploy hazards of the revision's statements (locks that stop the running service, changes that break its
     * previous version), each with its lock, what it blocks and the safe alternative, then the lock-queue advice.
     */
    static void printHazards(PrintStream out, HazardReport hazards) {
        if (!hazards.hazards().isEmpty()) {
            out.println();
            out.println(hazards.hazards().size() + " deploy hazard(s): what the revision does to the service running "
                    + "while it is applied (./migrate lint reports the same; see README, Safe migrations):");
            hazards.hazards().forEach(hazard -> HazardPrinter.print(out, hazard, null, null));
        }
        hazards.lockQueueNote().ifPresent(note -> {
            out.println();
            out.println(note);
        });
    }

    /**
     * What the compared database has that no comparison covers (views, functions, triggers, policies, ..., and the
     * attributes of a compared table an entity cannot declare: UNLOGGED, storage parameters, row-level security, ...):
     * the model cannot own them, so they are not differences, but they are named so that nothing passes unseen.
     */
    static void printUncovered(PrintStream out, java.util.List<String> uncovered) {
        if (!uncovered.isEmpty()) {
            out.println("Not compared (what the entity model cannot declare; a hand-written revision does, " + uncovered.size()
                    + "): " + String.join(", ", uncovered));
        }
    }

    /** Objects left out of the comparison by MIGRATIONS_EXCLUDE, every one named: an exclusion is never a silent hole. */
    static void printExcluded(PrintStream out, java.util.List<String> excluded) {
        if (!excluded.isEmpty()) {
            out.println("Excluded by " + com.bookstore.db.migrations.internal.schema.ExcludedObjects.VARIABLE + " (not compared, "
                    + excluded.size() + "): " + String.join(", ", excluded));
        }
    }
}
