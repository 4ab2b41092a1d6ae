package com.bookstore.db.migrations.internal.lint;

import com.bookstore.db.migrations.internal.catalog.Catalog;
import com.bookstore.db.migrations.internal.hazard.Hazard;
import com.bookstore.db.migrations.internal.hazard.HazardAnalyser;
import com.bookstore.db.migrations.internal.hazard.HazardReport;
import com.bookstore.db.migrations.internal.hazard.LockLevel;
import com.bookstore.db.migrations.internal.hazard.Rule;
import liquibase.changelog.ChangeSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Lints revisions in the order they apply, on one {@link HazardAnalyser}, so that what an earlier revision creates or
 * changes is known to the later ones; each revision's waivers apply to its own hazards only.
 */
public final class RevisionLinter {

    private final HazardAnalyser analyser;
    private final ChangeSql changeSql = new ChangeSql();

    /** @param catalog the database the revisions apply to, null when not known */
    public RevisionLinter(Catalog catalog) {
        this.analyser = HazardAnalyser.startingFrom(catalog);
    }

    public RevisionLint lint(RevisionSource source) {
        List<HazardAnalyser.Unit> units = new ArrayList<>();
        List<Hazard> hazards = new ArrayList<>();
        for (ChangeSet changeSet : source.changeSets()) {
            if (!changeSql.targets(changeSet)) {
                continue;
            }
            ChangeSql.Result sql = changeSql.of(changeSet, source.directory());
            units.add(new HazardAnalyser.Unit(changeSet.getId(), changeSet.isRunInTransaction(), sql.sql()));
            for (String change : sql.untranslatable()) {
                hazards.add(new Hazard(Rule.NOT_ANALYSED, changeSet.getId(), change, "-", LockLevel.UNKNOWN, "-",
                        "not analysed: Liquibase could not turn the change into SQL offline", Rule.NOT_ANALYSED.alternative()));
            }
        }
        HazardReport report = analyser.analyse(units);
        hazards.addAll(0, report.hazards());
        Waivers waivers = Waivers.in(source.text());
        List<RevisionLint.Finding> findings = hazards.stream()
                .map(h -> new RevisionLint.Finding(h, waivers.covering(h.rule()).orElse(null))).toList();
        List<Waivers.Waiver> unused = waivers.valid().stream()
                .filter(w -> hazards.stream().noneMatch(h -> h.rule() == w.rule())).toList();
        return new RevisionLint(source.name(), source.sql(), findings, waivers.problems(), unused, report.lockedTables(),
                report.setsLockTimeout());
    }
}
