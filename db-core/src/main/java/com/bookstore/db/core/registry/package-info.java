/**
 * The entity registry: the one list of entity classes that the runtime maps and the migration tooling diffs.
 */
package com.bookstore.db.core.registry;
