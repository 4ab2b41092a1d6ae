package com.bookstore.spring.autoconfigure;

import com.bookstore.db.core.settings.SettingsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a missing or malformed {@code DATABASE_URL} (or pool setting) as the project's one-paragraph message instead
 * of a bean-creation stack trace. The message never contains the password. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class PersistenceStartupFailureAnalyzer extends AbstractFailureAnalyzer<SettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + cause.variable() + " (see the Configuration section "
                + "of the bookstore persistence README), then start the service again.", cause);
    }
}
