/**
 * Hazard analysis of migration SQL for zero-downtime deploys: which statements of a revision take a lock that stops
 * the running service (and for how long: a catalog update, a scan, a rewrite), or break the previous version still
 * running during a rolling deploy (renames, drops), with the safe alternative of each. It reads SQL text, so it judges
 * generated revisions ({@code generate}) and hand-written ones ({@code lint}) alike; what it does not understand is
 * reported as not analysed, never passed as safe.
 */
package com.bookstore.db.migrations.internal.hazard;
