package com.bookstore.architecture;

import org.junit.jupiter.api.Test;

import static com.bookstore.architecture.Fixtures.assertNoViolations;
import static com.bookstore.architecture.Fixtures.assertViolations;
import static com.bookstore.architecture.Fixtures.fixturePackage;

class SecretNamingRulesTest {

    @Test
    void passes_when_secrets_are_stored_as_hashes() {
        assertNoViolations(SecretNamingRules.persistent_fields_should_not_be_named_like_plaintext_secrets,
                "secrets.good");
    }

    @Test
    void reports_plaintext_secret_fields_of_entities_embeddables_and_mapped_superclasses_only() {
        String p = fixturePackage("secrets.bad.");
        assertViolations(SecretNamingRules.persistent_fields_should_not_be_named_like_plaintext_secrets, "secrets.bad",
                "Field " + p + "Account.apiToken looks like a plaintext secret; store a hash in a field named "
                        + "apiTokenHash",
                "Field " + p + "Account.clientSecret looks like a plaintext secret; store a hash in a field named "
                        + "clientSecretHash",
                "Field " + p + "Account.password looks like a plaintext secret; store a hash in a field named "
                        + "passwordHash",
                "Field " + p + "AuditedRecord.lastSecretAnswer looks like a plaintext secret; store a hash in a field "
                        + "named lastSecretAnswerHash",
                "Field " + p + "Credentials.resetToken looks like a plaintext secret; store a hash in a field named "
                        + "resetTokenHash");
    }
}
