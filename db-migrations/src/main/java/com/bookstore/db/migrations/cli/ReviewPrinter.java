package com.bookstore.db.migrations.cli;

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
}
