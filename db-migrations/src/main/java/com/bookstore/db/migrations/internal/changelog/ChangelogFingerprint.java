package com.bookstore.db.migrations.internal.changelog;

import com.bookstore.db.migrations.apply.ChangelogSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the schema built by applying a changelog depends on, as one hash: every byte of every file under the changelog's
 * resource root (its path and its content, so that an edit, a new file, a deleted or renamed one, or a branch switch
 * all change it), the master changelog's path, Liquibase's version and this build of db-migrations (its own code,
 * {@link MigrationsBuild}: another build may parse, refuse or apply the same bytes otherwise). Two runs with the same
 * fingerprint apply the same changesets the same way, so the second may start from the first one's result.
 *
 * <p>No fingerprint (so no reuse) when the result may depend on something outside those bytes: a changelog read from
 * the class path, or a file using {@code ${...}} parameters (which Liquibase fills from system properties and the
 * environment), a {@code customChange} (Java code) or an {@code executeCommand} (a program).
 *
 * @param hash    hex SHA-256 prefix
 * @param files   how many files were hashed
 */
public record ChangelogFingerprint(String hash, int files) {

    private static final String FORMAT = "changelog-fingerprint-v1";
    /**
     * What makes a changelog build something its bytes do not fix, with why: {@code ${...}} parameters (Liquibase fills
     * them from system properties and the environment), a {@code customChange} (Java code on the class path) and an
     * {@code executeCommand} (a program of the machine), in every changelog format. A mention elsewhere (a comment)
     * only costs the cache.
     */
    private static final Map<String, String> NOT_FIXED_BY_THE_BYTES = new LinkedHashMap<>();

    static {
        NOT_FIXED_BY_THE_BYTES.put("${", "uses ${...} parameters, which may come from the environment");
        NOT_FIXED_BY_THE_BYTES.put("customChange",
                "runs a customChange, Java code on the class path that the changelog files do not hold");
        NOT_FIXED_BY_THE_BYTES.put("executeCommand",
                "runs an executeCommand, a program of the machine that the changelog files do not hold");
    }

    private static final int LONGEST_MARKER = NOT_FIXED_BY_THE_BYTES.keySet().stream().mapToInt(String::length).max()
            .orElseThrow();

    /** The fingerprint, or why there is none. */
    public sealed interface Outcome permits Fingerprinted, NotReusable {
    }

    public record Fingerprinted(ChangelogFingerprint fingerprint) implements Outcome {
    }

    public record NotReusable(String reason) implements Outcome {
    }

    public static Outcome of(ChangelogSource source) throws IOException {
        if (source.resourceRoot().isEmpty()) {
            return new NotReusable("the changelog is read from the class path");
        }
        Optional<String> build = MigrationsBuild.identity();
        if (build.isEmpty()) {
            return new NotReusable("the code of this db-migrations build cannot be read to identify it");
        }
        Path root = source.resourceRoot().get().toAbsolutePath().normalize();
        MessageDigest digest = sha256();
        update(digest, FORMAT);
        update(digest, build.get());
        update(digest, liquibase.util.LiquibaseUtil.getBuildVersion());
        update(digest, source.masterPath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> relative(root, a).compareTo(relative(root, b)))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        byte[] buffer = new byte[64 * 1024];
        for (Path file : files) {
            update(digest, relative(root, file));
            update(digest, Long.toString(Files.size(file)));
            String marker = null;
            String tail = "";
            try (InputStream in = Files.newInputStream(file)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                    // ISO-8859-1 maps each byte to one char: a marker split across two reads is found in tail + text
                    String text = tail + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                    marker = marker != null ? marker : firstMarker(text);
                    tail = text.substring(Math.max(0, text.length() - (LONGEST_MARKER - 1)));
                }
            }
            if (marker != null) {
                return new NotReusable(relative(root, file) + " " + NOT_FIXED_BY_THE_BYTES.get(marker));
            }
        }
        return new Fingerprinted(new ChangelogFingerprint(HexFormat.of().formatHex(digest.digest(), 0, 16), files.size()));
    }

    /**
     * Whether the files of {@code source} still have this fingerprint: taken again after an apply, so that a result is
     * never kept under bytes other than the ones applied (a file saved or a branch switched during the apply).
     */
    public boolean stillMatches(ChangelogSource source) throws IOException {
        return of(source) instanceof Fingerprinted now && now.fingerprint().hash().equals(hash);
    }

    private static String firstMarker(String text) {
        return NOT_FIXED_BY_THE_BYTES.keySet().stream().filter(text::contains).findFirst().orElse(null);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
