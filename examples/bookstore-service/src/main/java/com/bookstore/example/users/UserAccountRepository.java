package com.bookstore.example.users;

import com.bookstore.domain.auth.model.UserAccount;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

/** The users (entity of domain-auth). Emails are stored normalised ({@link UserAccount#normalizeEmail(String)}). */
public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByEmail(String normalizedEmail);
}
