package com.bookstore.db.migrations.internal.schema;

import java.util.List;

/**
 * A human review of a list of changes, as a careful DBA would write it: one line per change, each with its risk, and
 * the probable renames hidden in a drop plus an add.
 *
 * @param findings one per change, in order
 * @param renameHints "probable rename" advice
 */
public record ChangeReview(List<Finding> findings, List<String> renameHints) {

    /** How risky a change is for the data already in the database. */
    public enum Risk {
        /** Cannot lose data. */
        SAFE,
        /**
         * Fails, without losing anything, when existing rows violate it (NOT NULL, UNIQUE, FK, CHECK), or drops a
         * constraint, an index or a sequence.
         */
        CAUTION,
        /** Loses data: drop table, drop column, narrowing type change. Refused unless explicitly allowed. */
        DESTRUCTIVE
    }

    /** One change, described. */
    public record Finding(Risk risk, String description) {
        @Override
        public String toString() {
            String marker = switch (risk) {
                case SAFE -> "  ";
                case CAUTION -> "! ";
                case DESTRUCTIVE -> "!!";
            };
            return marker + " " + description + (risk == Risk.DESTRUCTIVE ? "   [DESTRUCTIVE]" : "");
        }
    }

    public boolean hasDestructive() {
        return findings.stream().anyMatch(f -> f.risk() == Risk.DESTRUCTIVE);
    }

    public List<Finding> destructive() {
        return findings.stream().filter(f -> f.risk() == Risk.DESTRUCTIVE).toList();
    }
}
