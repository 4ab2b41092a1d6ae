package com.bookstore.domain.auth;

import com.bookstore.db.core.spi.EntityContributor;
import com.bookstore.domain.auth.model.OAuthAccount;
import com.bookstore.domain.auth.model.RefreshToken;
import com.bookstore.domain.auth.model.Role;
import com.bookstore.domain.auth.model.UserAccount;

import java.util.List;

/**
 * Plugs the auth entities into the shared entity registry. The list is explicit so that adding an entity is a
 * visible, reviewed change of what the runtime maps and the migrations diff.
 */
public final class AuthEntities implements EntityContributor {

    @Override
    public String moduleName() {
        return "auth";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(UserAccount.class, Role.class, OAuthAccount.class, RefreshToken.class);
    }
}
