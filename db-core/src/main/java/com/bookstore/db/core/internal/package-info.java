/**
 * Implementation details of db-core. Not an API: other modules must not use these types.
 */
package com.bookstore.db.core.internal;
