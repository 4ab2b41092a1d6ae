package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.settings.ConfigSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The default changeset author: {@code MIGRATIONS_AUTHOR}, else git's {@code user.name}, else the OS user. */
final class Authors {

    private Authors() {
    }

    static String defaultAuthor(ConfigSource config) {
        return config.get("MIGRATIONS_AUTHOR").filter(s -> !s.isBlank())
                .or(() -> java.util.Optional.ofNullable(gitUserName()))
                .orElseGet(() -> System.getProperty("user.name", "unknown"));
    }

    private static String gitUserName() {
        try {
            Process git = new ProcessBuilder("git", "config", "user.name").redirectErrorStream(true).start();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            String name = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.exitValue() == 0 && !name.isEmpty() ? name : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
