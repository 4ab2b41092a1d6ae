/**
 * The {@code ./migrate} command line: one class per command, a tiny argument parser, and the mapping of failures to
 * documented exit codes ({@link com.bookstore.db.migrations.cli.ExitCode}).
 */
package com.bookstore.db.migrations.cli;
