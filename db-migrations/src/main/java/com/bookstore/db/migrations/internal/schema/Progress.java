package com.bookstore.db.migrations.internal.schema;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints each step of a long operation as it starts and how long it took, and keeps the timings for benchmarks.
 */
public final class Progress {

    /** A step that may fail with a checked exception. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws Exception;
    }

    private final PrintStream out;
    private final Map<String, Long> millisByStep = new LinkedHashMap<>();

    public Progress(PrintStream out) {
        this.out = out;
    }

    /** Progress that prints nothing (tests, embedding). */
    public static Progress silent() {
        return new Progress(null);
    }

    public <T> T step(String name, Step<T> step) throws Exception {
        if (out != null) {
            out.print("  " + name + " ... ");
            out.flush();
        }
        long start = System.nanoTime();
        T result;
        try {
            result = step.run();
        } catch (Exception | Error e) {
            if (out != null) {
                out.println("failed");
            }
            throw e;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        millisByStep.merge(name, millis, Long::sum);
        if (out != null) {
            out.printf("%.1f s%n", millis / 1000.0);
        }
        return result;
    }

    /** A line of information between steps. */
    public void note(String text) {
        if (out != null) {
            out.println("  (" + text + ")");
        }
    }

    /** Milliseconds per step name, in the order the steps first ran (benchmarks). */
    public Map<String, Long> orderedTimings() {
        return new LinkedHashMap<>(millisByStep);
    }
}
