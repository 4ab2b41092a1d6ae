package com.bookstore.db.migrations.internal.lint;

import com.bookstore.db.migrations.internal.hazard.Hazard;

import java.util.List;
import java.util.Set;

/**
 * The lint of one revision file.
 *
 * @param revision the file as the report names it
 * @param sql whether it is a formatted-SQL file (so its waivers are {@code --} comments)
 * @param findings its hazards, each with the waiver that allows it (null when none)
 * @param waiverProblems waiver comments that are not valid waivers
 * @param unusedWaivers valid waivers that match no hazard of the file
 * @param lockedTables existing tables the revision locks against reads or writes, even briefly
 * @param setsLockTimeout whether the revision sets lock_timeout
 */
public record RevisionLint(String revision, boolean sql, List<Finding> findings, List<Waivers.Problem> waiverProblems,
        List<Waivers.Waiver> unusedWaivers, Set<String> lockedTables, boolean setsLockTimeout) {

    /** A hazard and its waiver (null when not waived). */
    public record Finding(Hazard hazard, Waivers.Waiver waiver) {
        public boolean waived() {
            return waiver != null;
        }
    }

    public RevisionLint {
        findings = List.copyOf(findings);
        waiverProblems = List.copyOf(waiverProblems);
        unusedWaivers = List.copyOf(unusedWaivers);
        lockedTables = Set.copyOf(lockedTables);
    }

    /** No hazard without a waiver, and no waiver problem. */
    public boolean passes() {
        return waiverProblems.isEmpty() && findings.stream().allMatch(Finding::waived);
    }
}
