package com.bookstore.db.migrations.apply;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Pending revisions that come, in changelog order, before a revision the database has applied (two branches merged
 * after one was deployed), and the first applied one after them: Liquibase would run them last, in another order than
 * a fresh database and {@code check}'s shadow run the changelog. A changeset that runs again by design
 * ({@code runAlways}, {@code runOnChange}) has its place in the history already, and is not out of order.
 *
 * @param pending the pending revisions out of order, in changelog order; empty when none
 * @param appliedAfter the applied revision they come before; null when none
 */
public record OutOfOrder(List<Revision> pending, Revision appliedAfter) {

    public OutOfOrder {
        pending = List.copyOf(pending);
    }

    /**
     * @param changeSets the changelog, in order
     * @param history the applied changesets
     * @param pendingNow the changesets Liquibase would run (without those it skips here without a record, which are
     *        never out of order)
     */
    static OutOfOrder find(List<ChangeSet> changeSets, List<RanChangeSet> history, List<ChangeSet> pendingNow) {
        Map<String, List<RanChangeSet>> ranById = new HashMap<>();
        for (RanChangeSet ran : history) {
            ranById.computeIfAbsent(ran.getId(), id -> new ArrayList<>()).add(ran);
        }
        Predicate<ChangeSet> applied = changeSet -> ranById.getOrDefault(changeSet.getId(), List.of()).stream()
                .anyMatch(ran -> ran.isSameAs(changeSet));
        Set<Revision> pending = new HashSet<>(pendingNow.stream().map(Revision::of).toList());
        int lastApplied = -1;
        for (int i = 0; i < changeSets.size(); i++) {
            if (applied.test(changeSets.get(i))) {
                lastApplied = i;
            }
        }
        List<Revision> early = new ArrayList<>();
        Revision after = null;
        for (int i = 0; i < lastApplied; i++) {
            ChangeSet changeSet = changeSets.get(i);
            if (pending.contains(Revision.of(changeSet)) && !applied.test(changeSet)) {
                early.add(Revision.of(changeSet));
            } else if (!early.isEmpty() && after == null && applied.test(changeSet)) {
                after = Revision.of(changeSet);
            }
        }
        if (!early.isEmpty() && after == null) {
            after = Revision.of(changeSets.get(lastApplied));
        }
        return new OutOfOrder(early, after);
    }
}
