/**
 * Applying changelogs to a database through an unpooled connection: upgrade, status, history, offline SQL and
 * rollback.
 */
package com.bookstore.db.migrations.apply;
