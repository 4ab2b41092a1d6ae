package com.bookstore.db.migrations.cli;

import java.util.Set;

/** One {@code ./migrate} command. */
interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    /** The {@code --help} text: usage line, options, an example. */
    String help();

    /** Options taking a value, without dashes. */
    default Set<String> valuedOptions() {
        return Set.of();
    }

    /** Options without a value, without dashes. */
    default Set<String> flagOptions() {
        return Set.of();
    }

    /** Whether the command takes arguments besides its options ({@code lint <file>...}). */
    default boolean takesArguments() {
        return false;
    }

    ExitCode run(Arguments arguments, CliContext context) throws Exception;
}
