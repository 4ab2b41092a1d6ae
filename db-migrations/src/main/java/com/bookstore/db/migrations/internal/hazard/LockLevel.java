package com.bookstore.db.migrations.internal.hazard;

import java.util.Locale;

/**
 * PostgreSQL's table lock modes, weakest first, and what each one stops while it is held or queued: the service's
 * reads take ACCESS SHARE, its INSERT/UPDATE/DELETE take ROW EXCLUSIVE, so a mode matters by whether it conflicts
 * with those two.
 */
public enum LockLevel {
    ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE,
    /** A statement the analyser does not understand: taken as ACCESS EXCLUSIVE, the worst case. */
    UNKNOWN;

    /** Whether the service's reads (plain SELECT) wait for this lock. */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE || this == UNKNOWN;
    }

    /** Whether the service's INSERT, UPDATE and DELETE wait for this lock. */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    /** What the service can no longer do on the table while this lock is held or waiting in the queue. */
    public String blocks() {
        if (this == UNKNOWN) {
            return "not known to the analyser: assume reads and writes (ACCESS EXCLUSIVE)";
        }
        if (blocksReads()) {
            return "reads and writes: every query of the table waits";
        }
        if (this == EXCLUSIVE) {
            return "writes and SELECT ... FOR UPDATE/SHARE; plain reads go on";
        }
        if (blocksWrites()) {
            return "writes (INSERT, UPDATE, DELETE); reads go on";
        }
        return "neither reads nor writes (only other schema changes, VACUUM and ANALYZE of the table wait)";
    }

    /** {@code SHARE ROW EXCLUSIVE}, as PostgreSQL's documentation names it. */
    public String sql() {
        return this == UNKNOWN ? "unknown" : name().replace('_', ' ');
    }

    static LockLevel strongest(LockLevel a, LockLevel b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    /** The mode named in {@code LOCK TABLE ... IN <mode> MODE} ({@code "share row exclusive"}), or null. */
    static LockLevel ofModeName(String words) {
        try {
            return valueOf(words.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
