package com.bookstore.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

/**
 * Persistent state never holds a plaintext secret: a field of an {@code @Entity}, {@code @Embeddable} or
 * {@code @MappedSuperclass} named like {@code password}, {@code token} or {@code secret} must be a hash
 * ({@code passwordHash}, {@code resetTokenHash}). Static fields (constants) are not persistent and not checked.
 */
public final class SecretNamingRules {

    @ArchTest
    public static final ArchRule persistent_fields_should_not_be_named_like_plaintext_secrets =
            fields().that().areDeclaredInClassesThat(Jpa.persistentTypes())
                    .and().areNotStatic()
                    .should(new NotBeNamedLikeAPlaintextSecret())
                    .because("a database dump must not leak passwords or tokens; store only their hashes");

    private SecretNamingRules() {
    }
}
