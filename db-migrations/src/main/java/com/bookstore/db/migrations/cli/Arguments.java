package com.bookstore.db.migrations.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one command: {@code --name value}, {@code --name=value}, {@code -m value}, and flags. Every option
 * must be declared by the command, so a typo is an error rather than silently ignored.
 */
public final class Arguments {

    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Arguments() {
    }

    /**
     * @param valued options that take a value (long names without dashes; {@code m} for {@code -m})
     * @param flags options without a value
     */
    public static Arguments parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        return parse(command, args, valued, flags, false);
    }

    /**
     * As above; with {@code takesArguments}, words that are not options (and everything after {@code --}) are the
     * command's arguments ({@code lint a.xml b.sql}).
     */
    public static Arguments parse(String command, List<String> args, Set<String> valued, Set<String> flags,
            boolean takesArguments) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (takesArguments && arg.equals("--")) {
                parsed.positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (takesArguments && (!arg.startsWith("-") || arg.equals("-"))) {
                parsed.positional.add(arg);
                continue;
            }
            if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
                throw new UsageException("'" + command + "' takes no argument '" + arg + "'. See ./migrate " + command + " --help.");
            }
            String name = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value. See ./migrate " + command + " --help.");
                }
                parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(display(name) + " needs a value. See ./migrate " + command + " --help.");
                    }
                    value = args.get(++i);
                }
                parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("'" + command + "' has no option " + display(name) + ". See ./migrate " + command + " --help.");
            }
        }
        return parsed;
    }

    private static String display(String name) {
        return name.length() == 1 ? "-" + name : "--" + name;
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public Optional<String> value(String name) {
        List<String> all = values.get(name);
        return all == null ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The arguments that are not options, in order (only for a command that takes arguments). */
    public List<String> positional() {
        return List.copyOf(positional);
    }
}
