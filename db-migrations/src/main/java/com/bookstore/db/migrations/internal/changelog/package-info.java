/**
 * The changelog directory: a master changelog that includes, in order, one generated file per revision, named
 * {@code <UTC yyyyMMddHHmmss>_<slug>.xml}, each holding one changeset whose id is its file name and whose rollback is
 * the reverse diff (Alembic's upgrade and downgrade in one revision).
 */
package com.bookstore.db.migrations.internal.changelog;
