package com.bookstore.db.migrations.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's {@code ./migrate} shell wrapper, run by {@code sh} the way a user runs it, on a copy of the
 * repository layout whose {@code mvnw} is a fake, slow build (it writes half of the classes, sleeps, then the rest, and
 * fails if a second build overlaps it) and whose {@code java} (first on the PATH) fails when it finds half-written
 * classes. Proves that two commands started at once after a source change build once, one at a time, and that the
 * second reuses the first's build; that a lock left by a killed build is taken over; that the wait is bounded.
 */
@Timeout(120)
@EnabledOnOs({OS.LINUX, OS.MAC})
class MigrateScriptTest {

    /** The fake build: one at a time or it fails, half of the classes first, the class path file last. */
    private static final String FAKE_MVNW = """
            #!/bin/sh
            root=$(cd "$(dirname "$0")" && pwd)
            t="$root/db-migrations/target"
            if ! mkdir "$root/building" 2>/dev/null; then
                echo "overlap $$" >>"$root/builds.log"; exit 1
            fi
            echo "build $$" >>"$root/builds.log"
            mkdir -p "$t/classes"
            rm -f "$t/classes/complete"
            echo half >"$t/classes/half"
            sleep "${FAKE_BUILD_SECONDS:-2}"
            if [ -n "${FAKE_BUILD_FAIL:-}" ]; then
                rmdir "$root/building"; echo "[ERROR] COMPILATION ERROR (fake)"; exit 1
            fi
            rm "$t/classes/half"
            echo done >"$t/classes/complete"
            for arg; do
                case $arg in -Dmdep.outputFile=*) echo "$root/fake.jar" >"${arg#-Dmdep.outputFile=}";; esac
            done
            rmdir "$root/building"
            """;

    /** The fake JVM: a compile error when the classes are half-written, else says what it ran (and its arguments). */
    private static final String FAKE_JAVA = """
            #!/bin/sh
            echo "$*" >>java-arguments.log
            for arg; do
                case $arg in -cp) cp_next=1;; *) if [ -n "${cp_next:-}" ]; then classes=${arg%%:*}; cp_next=""; fi;; esac
            done
            if [ -e "$classes/half" ] || [ ! -e "$classes/complete" ]; then
                echo "error: half-written classes in $classes" >&2; exit 3
            fi
            shift $(($# - 1))
            echo "ran MigrateCli $1"
            """;

    @TempDir
    Path root;

    private Path fakeBin;

    @BeforeEach
    void repository() throws IOException {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("migrate");
        assertTrue(Files.isRegularFile(script), "the wrapper is at the repository root: " + script);
        Files.copy(script, root.resolve("migrate"));
        executable(root.resolve("mvnw"), FAKE_MVNW);
        fakeBin = Files.createDirectories(root.resolve("fake-bin"));
        executable(fakeBin.resolve("java"), FAKE_JAVA);
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Path source = root.resolve("db-migrations/src/main/java/Example.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Example {}\n");
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** One {@code ./migrate --help} started, with its output captured in files. */
    private record Started(Process process, Path out, Path err) {
        Result await() throws Exception {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "./migrate did not finish");
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    private record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private Started start(String name, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", root.resolve("migrate").toString(), "--help")
                .directory(root.toFile())
                .redirectOutput(root.resolve(name + ".out").toFile())
                .redirectError(root.resolve(name + ".err").toFile());
        builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        builder.environment().remove("MIGRATE_LOCK_TIMEOUT");
        builder.environment().putAll(env);
        return new Started(builder.start(), root.resolve(name + ".out"), root.resolve(name + ".err"));
    }

    private Result run(String name, Map<String, String> env) throws Exception {
        return start(name, env).await();
    }

    private List<String> builds() throws IOException {
        Path log = root.resolve("builds.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private Path lock() {
        return root.resolve("db-migrations/target/migrate.lock");
    }

    private void assertRan(Result result) {
        assertEquals(0, result.exit(), result::toString);
        assertEquals("ran MigrateCli --help\n", result.out(), result::toString);
    }

    /** Two commands at once, twice: after the first build ever, and after a source change. */
    @Test
    void the_jvm_runs_with_c1_only_and_migrate_java_opts_come_after_so_they_can_change_that() throws Exception {
        assertRan(run("default", Map.of()));
        assertRan(run("options", Map.of("MIGRATE_JAVA_OPTS", "-XX:TieredStopAtLevel=4 -Xmx512m")));
        List<String> runs = Files.readAllLines(root.resolve("java-arguments.log"));
        assertEquals(2, runs.size(), runs::toString);
        assertTrue(runs.get(0).contains("-XX:TieredStopAtLevel=1 -Dbookstore.root="), runs.get(0));
        assertTrue(runs.get(1).contains("-XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4 -Xmx512m -Dbookstore.root="),
                runs.get(1));
    }

    @Test
    void two_commands_started_at_once_build_once_and_the_second_reuses_the_build() throws Exception {
        for (int round = 1; round <= 2; round++) {
            if (round == 2) { // a source saved after the last build
                Path stamp = root.resolve("db-migrations/target/migrate.stamp");
                Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().minusSeconds(60)));
                Files.setLastModifiedTime(root.resolve("db-migrations/src/main/java/Example.java"),
                        FileTime.from(Instant.now().minusSeconds(30)));
            }
            List<Started> started = new ArrayList<>();
            started.add(start("ide-" + round, Map.of()));
            started.add(start("terminal-" + round, Map.of()));
            Result first = started.get(0).await();
            Result second = started.get(1).await();
            assertRan(first);
            assertRan(second);
            List<String> builds = builds();
            assertEquals(round, builds.size(), () -> "one build per round, one at a time: " + builds + "\n" + first
                    + "\n" + second);
            assertFalse(builds.stream().anyMatch(line -> line.startsWith("overlap")), builds::toString);
            String errors = first.err() + second.err();
            assertEquals(1, count(errors, "migrate: building db-migrations (sources changed) ..."), errors);
            assertEquals(1, count(errors, "migrate: waiting for another ./migrate (pid "), errors);
            assertFalse(Files.exists(lock()), "the lock is released");
        }
        Result upToDate = run("again", Map.of());
        assertRan(upToDate);
        assertEquals("", upToDate.err(), upToDate::toString);
        assertEquals(2, builds().size(), "nothing changed: no build");
    }

    /**
     * A deleted source leaves nothing newer than the stamp: found building nothing, so the next command ran with the
     * deleted file's class still compiled (a package-info's mapping, an entity the branch switched to does not have).
     */
    @Test
    void a_deleted_or_renamed_source_is_built_too() throws Exception {
        Path other = root.resolve("db-migrations/src/main/java/Other.java");
        Files.writeString(other, "class Other {}\n");
        assertRan(run("first", Map.of()));
        assertEquals(1, builds().size());
        assertRan(run("unchanged", Map.of()));
        assertEquals(1, builds().size(), "nothing changed: no build");

        Files.delete(other);
        Result deleted = run("deleted", Map.of());
        assertRan(deleted);
        assertTrue(deleted.err().contains("migrate: building db-migrations (sources changed) ..."), deleted::toString);
        assertEquals(2, builds().size(), "a deleted source: a build");

        Path example = root.resolve("db-migrations/src/main/java/Example.java");
        Path renamed = root.resolve("db-migrations/src/main/java/Renamed.java");
        Files.move(example, renamed);
        Files.setLastModifiedTime(renamed, FileTime.from(Instant.now().minusSeconds(3600))); // a rename keeps the time
        assertRan(run("renamed", Map.of()));
        assertEquals(3, builds().size(), "a renamed source: a build");
        assertRan(run("again", Map.of()));
        assertEquals(3, builds().size(), "nothing changed since: no build");
    }

    @Test
    void a_lock_left_by_a_killed_build_is_taken_over() throws Exception {
        Process gone = new ProcessBuilder("sh", "-c", "exit 0").start();
        gone.waitFor();
        Files.createDirectories(lock());
        Files.writeString(lock().resolve("pid"), gone.pid() + "\n");

        Result result = run("after-kill", Map.of());
        assertRan(result);
        assertTrue(result.err().contains("migrate: removed a stale build lock (" + lock() + ", pid " + gone.pid()
                + " is not running)."), result::toString);
        List<String> builds = builds();
        assertEquals(1, builds.size(), builds::toString);
        assertFalse(Files.exists(lock()));
    }

    @Test
    void the_wait_for_a_running_build_is_bounded_and_says_what_to_do() throws Exception {
        long self = ProcessHandle.current().pid(); // a live process holds the lock
        Files.createDirectories(lock());
        Files.writeString(lock().resolve("pid"), self + "\n");

        Result result = run("timeout", Map.of("MIGRATE_LOCK_TIMEOUT", "2"));
        assertEquals(2, result.exit(), result::toString);
        assertEquals("", result.out(), result::toString);
        assertTrue(result.err().contains("migrate: waiting for another ./migrate (pid " + self + ")"), result::toString);
        assertTrue(result.err().contains("migrate: gave up after 2 s waiting for the build lock " + lock()
                + ", held by pid " + self + " (still running)."), result::toString);
        assertTrue(result.err().contains("remove " + lock()), result::toString);
        assertEquals(List.of(), builds(), "no build while another holds the lock");
        assertTrue(Files.exists(lock().resolve("pid")), "the holder's lock is left alone");
    }

    @Test
    void a_failed_build_releases_the_lock() throws Exception {
        Result failed = run("failing", Map.of("FAKE_BUILD_FAIL", "1", "FAKE_BUILD_SECONDS", "0"));
        assertEquals(2, failed.exit(), failed::toString);
        assertTrue(failed.err().contains("COMPILATION ERROR (fake)") && failed.err().contains("migrate: the build failed"),
                failed::toString);
        assertFalse(Files.exists(lock()), "a failed build releases the lock");

        Result fixed = run("fixed", Map.of("FAKE_BUILD_SECONDS", "0"));
        assertRan(fixed);
        List<String> builds = builds();
        assertEquals(2, builds.size(), builds::toString);
    }

    private static int count(String text, String fragment) {
        int count = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
            count++;
        }
        return count;
    }
}
