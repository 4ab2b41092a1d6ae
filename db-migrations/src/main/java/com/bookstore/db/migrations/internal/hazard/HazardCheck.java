package com.bookstore.db.migrations.internal.hazard;

/** One concern of the analysis: looks at each statement and reports the hazards of its kind. */
interface HazardCheck {

    void check(Statement statement, StatementContext at);
}
