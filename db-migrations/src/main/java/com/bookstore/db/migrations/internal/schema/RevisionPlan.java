package com.bookstore.db.migrations.internal.schema;

import com.bookstore.db.migrations.internal.schema.SchemaChange.Phase;
import com.bookstore.db.migrations.internal.schema.SchemaChange.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A revision as the changesets it is written as, in order. Steps of the same kind share a changeset (one
 * transaction, as before safe forms); a {@code CONCURRENTLY} step gets a changeset of its own that runs outside a
 * transaction; a validation, and the {@code SET NOT NULL} after it, start a new changeset, so that the scan never
 * runs while the same transaction holds a lock that blocks writes.
 *
 * <p>The first changeset carries every pre-check (so a revision whose rows are in the way stops before any of it
 * runs) and the rollback of the whole revision: the reverse changes, in the plain form, which bring the schema back
 * from where the whole revision leaves it. The later changesets roll back nothing themselves: Liquibase rolls back
 * newest first, so the first one's rollback runs last, on the complete revision. {@code rollback} therefore undoes
 * whole revision files, never some of their changesets.
 *
 * @param changesets in the order they run
 */
public record RevisionPlan(List<Changeset> changesets) {

    /**
     * One changeset.
     *
     * @param inTransaction false for {@code runInTransaction="false"}
     * @param forward its SQL texts, each one statement, the first of each change's step starting with its description
     * @param rollback the SQL texts of its rollback, empty for none
     * @param prechecks queries returning {@value SchemaChange#PRECHECK_PASSED} when the rows allow the revision
     */
    public record Changeset(boolean inTransaction, List<String> forward, List<String> rollback, List<String> prechecks) {
        public Changeset {
            forward = List.copyOf(forward);
            rollback = List.copyOf(rollback);
            prechecks = List.copyOf(prechecks);
        }
    }

    public RevisionPlan {
        changesets = List.copyOf(changesets);
    }

    private record Placed(SchemaChange change, Step step) {
    }

    static RevisionPlan of(List<SchemaChange> forward, List<SchemaChange> reverse) {
        List<Placed> placed = new ArrayList<>(forward.stream()
                .flatMap(change -> change.steps().stream().map(step -> new Placed(change, step))).toList());
        placed.sort(Comparator.comparing(p -> p.step().phase())); // stable: a change's steps and the changes keep their order
        List<Boolean> transactional = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        Phase last = null;
        boolean open = false;
        for (Placed p : placed) {
            boolean startNew = p.step().concurrent() || !open
                    || p.step().phase() != last && p.step().phase().startsTransaction();
            if (startNew) {
                groups.add(new ArrayList<>());
                transactional.add(!p.step().concurrent());
            }
            groups.get(groups.size() - 1).addAll(p.change().commented(p.step()));
            open = !p.step().concurrent();
            last = p.step().phase();
        }
        List<String> rollback = reverse.stream()
                .flatMap(change -> change.steps().stream().flatMap(step -> change.commented(step).stream())).toList();
        List<String> prechecks = forward.stream().map(SchemaChange::precheck).filter(Objects::nonNull).toList();
        List<Changeset> changesets = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            changesets.add(new Changeset(transactional.get(i), groups.get(i), i == 0 ? rollback : List.of(),
                    i == 0 ? prechecks : List.of()));
        }
        return new RevisionPlan(changesets);
    }

    /** Whether every changeset runs in a transaction (then the whole revision can be tried in one and rolled back). */
    public boolean transactional() {
        return changesets.stream().allMatch(Changeset::inTransaction);
    }
}
