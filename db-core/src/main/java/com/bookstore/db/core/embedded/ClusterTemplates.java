package com.bookstore.db.core.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stopped PostgreSQL data directories kept between runs under a key, so that an embedded server starts by copying one
 * (a fraction of a second) instead of running {@code initdb} and replaying the same work again (seconds).
 *
 * <p>A template is invisible except in speed: it is written under a temporary name and renamed into place in one atomic
 * step, never changed afterwards (servers run on private copies), and evicted by renaming it away before deleting it,
 * so a copy racing an eviction fails rather than coming out partial. Every copy is checked against the template's
 * manifest (every file and its size); any doubt makes the caller start the slow way. Two processes may fill the same
 * key at once: the first rename wins, the other copy is dropped.
 *
 * <p>Where: {@value #DIRECTORY_VARIABLE} (environment variable or the system property of the same name in lower case
 * with dots), else {@code /dev/shm/bookstore-pg-templates-<user>} on Linux, {@code
 * <java.io.tmpdir>/bookstore-pg-templates-<user>} elsewhere. {@value #SWITCH_VARIABLE}{@code =off}
 * turns templates off.
 */
public final class ClusterTemplates {

    public static final String DIRECTORY_VARIABLE = "EMBEDDED_PG_CACHE_DIR";
    public static final String SWITCH_VARIABLE = "EMBEDDED_PG_CACHE";

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,120}");
    private static final String DATA = "data";
    private static final String MANIFEST = "manifest";
    private static final String USED = "used";
    private static final int KEEP_PER_KIND = 4;
    private static final String RUN = "run-";
    private static final String TRASH = "trash-";
    private static final String EVICTED = "evicted-";
    private static final String STAGING = "staging-";
    private static final java.util.concurrent.atomic.AtomicBoolean SWEPT = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.concurrent.atomic.AtomicBoolean EXIT_HOOK = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.Set<Path> PENDING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path root;

    private ClusterTemplates(Path root) {
        this.root = root;
    }

    /** Templates in the configured directory, or none when switched off. */
    public static ClusterTemplates standard() {
        String enabled = setting(SWITCH_VARIABLE);
        if (enabled != null && List.of("off", "false", "0", "no").contains(enabled.strip().toLowerCase(Locale.ROOT))) {
            return disabled();
        }
        String directory = setting(DIRECTORY_VARIABLE);
        if (directory != null && !directory.isBlank()) {
            return in(Path.of(directory));
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_-]", "_");
        return in(defaultParent().resolve("bookstore-pg-templates-" + user));
    }

    /**
     * Linux's memory-backed {@code /dev/shm} when it has room (copying a cluster of thousands of small files there
     * takes a fraction of the time it takes on a disk, and the data is throw-away anyway), else the temporary directory.
     * Tests that need a store of their own make it here too.
     */
    public static Path defaultParent() {
        Path shm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm) && Files.isWritable(shm) && Files.getFileStore(shm).getUsableSpace() > (2L << 30)) {
                return shm;
            }
        } catch (IOException e) {
            // not usable: the temporary directory then
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    public static ClusterTemplates in(Path root) {
        return new ClusterTemplates(root.toAbsolutePath());
    }

    public static ClusterTemplates disabled() {
        return new ClusterTemplates(null);
    }

    public boolean enabled() {
        return root != null;
    }

    /** The directory templates live in (for messages), empty when disabled. */
    public Optional<Path> directory() {
        return Optional.ofNullable(root);
    }

    /** The complete template stored under {@code key}, marked as just used. */
    public Optional<Path> find(String key) {
        if (root == null) {
            return Optional.empty();
        }
        Path template = root.resolve(validKey(key));
        if (!Files.isRegularFile(template.resolve(MANIFEST))) {
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(template.resolve(USED), FileTime.from(Instant.now()));
        } catch (IOException e) {
            return Optional.empty(); // evicted meanwhile
        }
        return Optional.of(template);
    }

    /**
     * Copies the data directory of {@code template} into {@code target} (created, or empty) and checks the copy against
     * the template's manifest; an {@link IOException} when the template went away or the copy differs.
     */
    public void copy(Path template, Path target) throws IOException {
        List<String> expected = Files.readAllLines(template.resolve(MANIFEST), StandardCharsets.UTF_8);
        Path data = template.resolve(DATA);
        createPrivateDirectory(target);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(data.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    if (!source.equals(data)) {
                        Files.copy(source, destination, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } else {
                    Files.copy(source, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> copied = manifestOf(target);
        if (!copied.equals(expected)) {
            throw new IOException("the copy of template " + template + " does not match its manifest ("
                    + copied.size() + " files copied, " + expected.size() + " expected)");
        }
    }

    /**
     * Stores a copy of the stopped data directory {@code dataDirectory} under {@code key}, unless another process did
     * first; then keeps only the most recently used templates of the same kind (the part of the key before its first
     * dash).
     */
    public void save(String key, Path dataDirectory) throws IOException {
        if (root == null) {
            return;
        }
        String valid = validKey(key);
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw new IOException("the server of " + dataDirectory + " is still running or was not stopped cleanly");
        }
        Files.createDirectories(root);
        Path staging = root.resolve(STAGING + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            Path data = staging.resolve(DATA);
            createPrivateDirectory(data);
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    if (!source.equals(dataDirectory)) {
                        Files.copy(source, data.resolve(dataDirectory.relativize(source).toString()),
                                StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Files.write(staging.resolve(MANIFEST), manifestOf(data), StandardCharsets.UTF_8);
            Files.writeString(staging.resolve(USED), key);
            try {
                Files.move(staging, root.resolve(valid), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename within " + root + " atomically", e);
            } catch (FileSystemException e) {
                if (!Files.isRegularFile(root.resolve(valid).resolve(MANIFEST))) {
                    throw e;
                }
                // another process stored the same key first: its template is as good as this one
            }
        } finally {
            delete(staging);
        }
        evictBeyond(KEEP_PER_KIND, valid.substring(0, valid.indexOf('-') < 0 ? valid.length() : valid.indexOf('-')));
    }

    /**
     * A new private directory for a server's data, inside the template directory (so that copies and renames stay on
     * one file system), or in the system's temporary directory when templates are off.
     */
    public Path newRunDirectory() throws IOException {
        if (root == null) {
            return Files.createTempDirectory("bookstore-pg-");
        }
        sweepOnce();
        Path run = root.resolve(RUN + UUID.randomUUID());
        createPrivateDirectory(run);
        return run;
    }

    /**
     * Removes a run directory without making the caller wait: renamed away at once, deleted on a daemon thread; what
     * a process leaves behind when it exits first is removed by a later run ({@link #sweepOnce()}).
     */
    public void discard(Path runDirectory) {
        if (root == null || !runDirectory.startsWith(root)) {
            delete(runDirectory);
            return;
        }
        Path trash = root.resolve(TRASH + UUID.randomUUID());
        try {
            Files.move(runDirectory, trash, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(runDirectory);
            return;
        }
        deleteInBackground(List.of(trash));
    }

    /**
     * Once per process: deletes, in the background, what earlier runs left behind (a process that exits right after
     * {@link #discard} leaves its trash): trash and evicted copies at once (nobody reads them: they were renamed away),
     * staging copies abandoned for an hour, and run directories of servers no longer running (zonky holds a lock on
     * {@code epg-lock} in the data directory while the server runs) and an hour old.
     */
    private void sweepOnce() {
        if (SWEPT.compareAndSet(false, true)) {
            deleteInBackground(leftovers());
        }
    }

    /** What {@link #sweepOnce()} deletes. */
    List<Path> leftovers() {
        List<Path> leftovers = new ArrayList<>();
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        try (Stream<Path> children = Files.list(root)) {
            children.filter(p -> {
                String name = p.getFileName().toString();
                if (name.startsWith(TRASH) || name.startsWith(EVICTED)) {
                    return true;
                }
                return (name.startsWith(STAGING) || name.startsWith(RUN) && !running(p)) && olderThan(p, anHourAgo);
            }).forEach(leftovers::add);
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // nothing to sweep, or not readable: a later run tries again
        }
        return leftovers;
    }

    private static boolean olderThan(Path path, Instant instant) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(instant);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a server still runs on {@code runDirectory}: its {@code epg-lock} is locked. */
    private static boolean running(Path runDirectory) {
        Path lock = runDirectory.resolve("epg-lock");
        if (!Files.exists(lock)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // a server of this process
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }

    /**
     * Deletes on a daemon thread; what is still there when the JVM exits is deleted by a shutdown hook, so that a
     * process leaves no data directory behind (they live in memory on Linux).
     */
    private static void deleteInBackground(List<Path> directories) {
        if (directories.isEmpty()) {
            return;
        }
        PENDING.addAll(directories);
        if (EXIT_HOOK.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(PENDING).forEach(ClusterTemplates::delete),
                    "pg-template-cleanup-at-exit"));
        }
        Thread thread = new Thread(() -> directories.forEach(directory -> {
            delete(directory);
            PENDING.remove(directory);
        }), "pg-template-cleanup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Removes the template under {@code key}, if any (one found broken). */
    public void evict(String key) {
        if (root != null) {
            evict(root.resolve(validKey(key)));
        }
    }

    private void evictBeyond(int keep, String kind) throws IOException {
        List<Path> templates = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(p -> p.getFileName().toString().startsWith(kind + "-"))
                    .filter(p -> Files.isRegularFile(p.resolve(USED)))
                    .forEach(templates::add);
        }
        templates.sort(Comparator.comparing(ClusterTemplates::lastUsed).reversed());
        templates.stream().skip(keep).forEach(this::evict);
    }

    private void evict(Path template) {
        Path trash = root.resolve(EVICTED + UUID.randomUUID());
        try {
            Files.move(template, trash, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return; // gone already, or in use on a system that forbids the rename: left for a later run
        }
        delete(trash);
    }

    private static FileTime lastUsed(Path template) {
        try {
            return Files.getLastModifiedTime(template.resolve(USED));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Every regular file under {@code data} with its size, sorted: what a complete copy holds. */
    private static List<String> manifestOf(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data, FileVisitOption.values())) {
            return files.filter(Files::isRegularFile)
                    .map(file -> size(file) + "\t" + data.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PostgreSQL refuses a data directory others can read. */
    static void createPrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Deletes a directory tree, ignoring what is already gone. */
    static void delete(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left behind: a temporary directory, never read again
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // as above
        }
    }

    private static String validKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a template key (lower-case letters, digits, dashes): " + key);
        }
        return key;
    }

    private static String setting(String variable) {
        String property = System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
        return property != null ? property : System.getenv(variable);
    }
}
