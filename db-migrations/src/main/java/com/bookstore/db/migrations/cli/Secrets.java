package com.bookstore.db.migrations.cli;

import com.bookstore.db.core.settings.ConfigSource;
import com.bookstore.db.core.settings.DatabaseSettings;

import java.util.ArrayList;
import java.util.List;

/** Last line of defence: removes the configured password from any text the CLI prints. */
final class Secrets {

    private Secrets() {
    }

    static String mask(String text, ConfigSource config) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets(config)) {
            masked = masked.replace(secret, "****");
        }
        return masked;
    }

    private static List<String> secrets(ConfigSource config) {
        List<String> secrets = new ArrayList<>();
        try {
            config.get(DatabaseSettings.DATABASE_PASSWORD).filter(s -> s.length() >= 3).ifPresent(secrets::add);
            String password = DatabaseSettings.from(config).password();
            if (password != null && password.length() >= 3) {
                secrets.add(password);
            }
        } catch (RuntimeException e) {
            // no parsable settings, nothing to mask beyond what the parser already masks
        }
        return secrets;
    }
}
