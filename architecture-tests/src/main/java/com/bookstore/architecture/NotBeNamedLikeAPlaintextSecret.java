package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Locale;

/** A field whose name contains password, token or secret ends with {@code Hash}. */
final class NotBeNamedLikeAPlaintextSecret extends ArchCondition<JavaField> {

    private static final List<String> SECRET_WORDS = List.of("password", "token", "secret");

    NotBeNamedLikeAPlaintextSecret() {
        super("not be named like a plaintext secret (containing password, token or secret without ending in Hash)");
    }

    static boolean looksLikePlaintextSecret(String fieldName) {
        String lower = fieldName.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains) && !fieldName.endsWith("Hash");
    }

    @Override
    public void check(JavaField field, ConditionEvents events) {
        String name = field.getOwner().getName() + "." + field.getName();
        if (looksLikePlaintextSecret(field.getName())) {
            events.add(SimpleConditionEvent.violated(field, "Field " + name
                    + " looks like a plaintext secret; store a hash in a field named " + field.getName() + "Hash"));
        } else {
            events.add(SimpleConditionEvent.satisfied(field, "Field " + name + " is not named like a secret"));
        }
    }
}
