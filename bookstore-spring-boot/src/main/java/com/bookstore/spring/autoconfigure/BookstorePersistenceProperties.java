package com.bookstore.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the bookstore persistence auto-configuration. Where the database is ({@code DATABASE_URL}) and the pool
 * sizes ({@code DATABASE_POOL_*}) are not here: they are read the way every bookstore program reads them (environment,
 * system property, {@code .env}), and also from the Spring environment under their property names
 * ({@code database.url}, {@code database.pool.max.size}, ...).
 */
@ConfigurationProperties(prefix = BookstorePersistenceProperties.PREFIX)
public class BookstorePersistenceProperties {

    public static final String PREFIX = "bookstore.persistence";

    /**
     * Whether to configure the DataSource, the JPA managed types and the schema settings from the bookstore
     * persistence jars.
     */
    private boolean enabled = true;

    /**
     * Whether to apply the pending revisions of the db-migrations jar at start-up, before JPA starts, through an
     * unpooled connection and the migration advisory lock (instances starting together are serialised). Refuses to
     * start when the database has revisions this build does not know.
     */
    private boolean migrateOnStartup = false;

    /** Name of the HikariCP pool, as it appears in Hikari's log lines and metrics. */
    private String poolName = "bookstore";

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isMigrateOnStartup() {
        return migrateOnStartup;
    }

    public void setMigrateOnStartup(boolean migrateOnStartup) {
        this.migrateOnStartup = migrateOnStartup;
    }

    public String getPoolName() {
        return poolName;
    }

    public void setPoolName(String poolName) {
        this.poolName = poolName;
    }
}
