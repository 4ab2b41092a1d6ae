package com.bookstore.db.migrations.cli;

import com.bookstore.db.migrations.internal.hazard.Hazard;

import java.io.PrintStream;

/**
 * Prints a hazard the same way for {@code generate} and {@code lint}: one block naming the rule, where, the statement,
 * the lock and what it blocks, what the statement does under it, the safe alternative, and (for lint) how to waive it.
 */
final class HazardPrinter {

    private static final int MAX_STATEMENT = 200;

    private HazardPrinter() {
    }

    /**
     * @param file the revision file, or null (generate names it once)
     * @param waiver the comment that would waive it, or null
     */
    static void print(PrintStream out, Hazard hazard, String file, String waiver) {
        out.println("HAZARD " + hazard.rule().id() + ": " + hazard.rule().change());
        if (file != null) {
            out.println("  file:       " + file);
        }
        out.println("  changeset:  " + hazard.changeset());
        out.println("  statement:  " + hazard.shortStatement(MAX_STATEMENT));
        out.println("  lock:       " + hazard.lock().sql() + " on " + hazard.lockedTables());
        out.println("  blocks:     " + hazard.blocks());
        out.println("  does:       " + hazard.effect());
        out.println("  instead:    " + hazard.alternative());
        if (waiver != null) {
            out.println("  waive:      " + waiver);
        }
    }
}
