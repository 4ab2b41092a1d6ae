package com.bookstore.architecture;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectModulesTest {

    private final ProjectModules modules = ProjectModules.under("com.bookstore");

    @Test
    void a_package_belongs_to_the_module_whose_root_encloses_it() {
        assertEquals(Optional.of(ProjectModule.DB_CORE), modules.moduleOf("com.bookstore.db.core"));
        assertEquals(Optional.of(ProjectModule.DB_CORE), modules.moduleOf("com.bookstore.db.core.internal"));
        assertEquals(Optional.of(ProjectModule.DB_MIGRATIONS), modules.moduleOf("com.bookstore.db.migrations.x"));
        assertEquals(Optional.of(ProjectModule.DOMAIN_ORDERS), modules.moduleOf("com.bookstore.domain.orders.model"));
        assertEquals(Optional.of(ProjectModule.ARCHITECTURE_TESTS), modules.moduleOf("com.bookstore.architecture"));
    }

    @Test
    void a_package_that_only_shares_a_name_prefix_belongs_to_no_module() {
        assertEquals(Optional.empty(), modules.moduleOf("com.bookstore.db.coreutils"));
        assertEquals(Optional.empty(), modules.moduleOf("com.bookstore.db"));
        assertEquals(Optional.empty(), modules.moduleOf("com.bookstore"));
        assertEquals(Optional.empty(), modules.moduleOf("org.liquibase"));
    }
}
