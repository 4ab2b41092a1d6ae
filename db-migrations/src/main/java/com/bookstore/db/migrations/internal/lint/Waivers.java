package com.bookstore.db.migrations.internal.lint;

import com.bookstore.db.migrations.internal.hazard.Rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The waivers a revision file carries: a comment {@code migrate-lint: allow <rule>: <reason>}, as
 * {@code <!-- ... -->} in XML or {@code -- ...} in SQL, anywhere in the file, covering every hazard of that rule in
 * the file. The reason is required: a waiver is a reviewed decision, and the next reader needs to know why. A marker
 * that does not read as a waiver (no reason, an unknown rule, a typo) is a problem of its own, so that a waiver never
 * silently fails to apply nor silently applies.
 *
 * @param valid the waivers that apply, in file order
 * @param problems the markers that are not valid waivers
 */
public record Waivers(List<Waiver> valid, List<Problem> problems) {

    /** What every waiver comment starts with. */
    public static final String MARKER = "migrate-lint:";

    /** The reason the printed example carries: copied unchanged, it is no reason. */
    private static final String PLACEHOLDER = "<why it is safe here>";

    private static final Pattern WAIVER = Pattern.compile("^allow\\s+([^\\s:]+)\\s*(?::(.*))?$");

    /** A waiver: the rule it allows, why, and the line it is on (1-based). */
    public record Waiver(Rule rule, String reason, int line) {
    }

    /** A marker that is not a valid waiver, with the line, its text and what is wrong. */
    public record Problem(int line, String text, String problem) {
    }

    public Waivers {
        valid = List.copyOf(valid);
        problems = List.copyOf(problems);
    }

    static Waivers in(String fileText) {
        List<Waiver> valid = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = fileText.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(MARKER);
            if (at < 0) {
                continue;
            }
            String rest = lines[i].substring(at + MARKER.length());
            int close = rest.indexOf("-->");
            String body = (close >= 0 ? rest.substring(0, close) : rest).strip();
            String text = MARKER + " " + body;
            Matcher m = WAIVER.matcher(body);
            if (!m.matches()) {
                problems.add(new Problem(i + 1, text, "does not read as a waiver; write " + MARKER
                        + " allow <rule>: <why it is safe here>"));
                continue;
            }
            Optional<Rule> rule = Rule.byId(m.group(1));
            String reason = m.group(2) == null ? "" : m.group(2).strip();
            if (rule.isEmpty()) {
                problems.add(new Problem(i + 1, text, "names no rule: '" + m.group(1) + "'; the rules are "
                        + Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", "))));
            } else if (reason.isEmpty() || reason.equals(PLACEHOLDER)) {
                problems.add(new Problem(i + 1, text, "gives no reason: a waiver says why the hazard does not apply "
                        + "here, e.g. " + MARKER + " allow " + rule.get().id() + ": the table is empty in production"));
            } else {
                valid.add(new Waiver(rule.get(), reason, i + 1));
            }
        }
        return new Waivers(valid, problems);
    }

    /** The first waiver of {@code rule}, if the file has one. */
    public Optional<Waiver> covering(Rule rule) {
        return valid.stream().filter(w -> w.rule() == rule).findFirst();
    }

    /** The comment that waives {@code rule} in a file of this kind. */
    public static String comment(Rule rule, boolean sqlFile) {
        String waiver = MARKER + " allow " + rule.id() + ": " + PLACEHOLDER;
        return sqlFile ? "-- " + waiver : "<!-- " + waiver + " -->";
    }
}
