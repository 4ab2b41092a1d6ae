package com.bookstore.db.core.internal;

import com.bookstore.db.core.settings.DatabaseSettings;
import com.bookstore.db.core.settings.SettingsException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUrlParserTest {

    /** Never in any message or rendering. */
    private static final String SECRET = "Sup3r-S3cret";

    @Nested
    class AcceptedForms {

        @Test
        void postgresql_url_with_credentials_port_and_parameters() {
            DatabaseSettings s = DatabaseUrlParser.parse(
                    "postgresql://app:" + SECRET + "@db.example.com:6543/bookstore?sslmode=require&application_name=api");
            assertAll(
                    () -> assertEquals("db.example.com", s.host()),
                    () -> assertEquals(6543, s.port()),
                    () -> assertEquals("bookstore", s.database()),
                    () -> assertEquals("app", s.user()),
                    () -> assertEquals(SECRET, s.password()),
                    () -> assertEquals(Map.of("sslmode", "require", "application_name", "api"), s.parameters()),
                    () -> assertEquals("jdbc:postgresql://db.example.com:6543/bookstore?application_name=api&sslmode=require",
                            s.jdbcUrl()));
        }

        @Test
        void postgres_scheme_is_the_same_as_postgresql() {
            DatabaseSettings a = DatabaseUrlParser.parse("postgres://app:" + SECRET + "@localhost:5433/bookstore?sslmode=disable");
            DatabaseSettings b = DatabaseUrlParser.parse("postgresql://app:" + SECRET + "@localhost:5433/bookstore?sslmode=disable");
            assertEquals(b.jdbcUrl(), a.jdbcUrl());
            assertEquals(b.user(), a.user());
            assertEquals(b.password(), a.password());
            assertEquals("jdbc:postgresql://localhost:5433/bookstore?sslmode=disable", a.jdbcUrl());
        }

        @Test
        void jdbc_url_with_user_and_password_parameters_keeps_them_out_of_the_jdbc_url() {
            DatabaseSettings s = DatabaseUrlParser.parse(
                    "jdbc:postgresql://db:5433/bookstore?user=app&password=" + SECRET + "&sslmode=require");
            assertEquals("app", s.user());
            assertEquals(SECRET, s.password());
            assertEquals(Map.of("sslmode", "require"), s.parameters());
            assertEquals("jdbc:postgresql://db:5433/bookstore?sslmode=require", s.jdbcUrl());
            assertFalse(s.jdbcUrl().contains("user="));
            assertFalse(s.jdbcUrl().contains(SECRET));
        }

        @Test
        void user_info_wins_over_user_and_password_parameters_which_are_dropped_all_the_same() {
            DatabaseSettings s = DatabaseUrlParser.parse(
                    "postgresql://owner:" + SECRET + "@db/bookstore?user=other&password=other-secret&connectTimeout=5");
            assertEquals("owner", s.user());
            assertEquals(SECRET, s.password());
            assertEquals("jdbc:postgresql://db:5432/bookstore?connectTimeout=5", s.jdbcUrl());
        }

        @Test
        void port_defaults_to_5432() {
            DatabaseSettings s = DatabaseUrlParser.parse("postgresql://app@localhost/bookstore");
            assertEquals(5432, s.port());
            assertEquals("app", s.user());
            assertNull(s.password());
            assertEquals("jdbc:postgresql://localhost:5432/bookstore", s.jdbcUrl());
        }

        @Test
        void without_credentials_user_and_password_are_null() {
            DatabaseSettings s = DatabaseUrlParser.parse("postgresql://localhost:5432/bookstore");
            assertNull(s.user());
            assertNull(s.password());
            assertTrue(s.connectionProperties().isEmpty());
        }

        @Test
        void empty_user_in_user_info_counts_as_no_user() {
            DatabaseSettings s = DatabaseUrlParser.parse("postgresql://:" + SECRET + "@localhost/bookstore");
            assertNull(s.user());
            assertEquals(SECRET, s.password());
        }

        @Test
        void ipv6_host_with_and_without_port() {
            DatabaseSettings withPort = DatabaseUrlParser.parse("postgresql://app:" + SECRET + "@[::1]:6000/bookstore");
            assertEquals("::1", withPort.host());
            assertEquals(6000, withPort.port());
            assertEquals("jdbc:postgresql://[::1]:6000/bookstore", withPort.jdbcUrl());
            assertEquals("postgresql://app:****@[::1]:6000/bookstore", withPort.maskedUrl());

            DatabaseSettings withoutPort = DatabaseUrlParser.parse("postgresql://[2001:db8::7]/bookstore");
            assertEquals("2001:db8::7", withoutPort.host());
            assertEquals(5432, withoutPort.port());
            assertEquals("jdbc:postgresql://[2001:db8::7]:5432/bookstore", withoutPort.jdbcUrl());
        }

        @Test
        void percent_encoded_user_and_password_with_at_colon_slash_and_percent() {
            // password: p@ss:w/rd%1?#  user: svc@corp
            DatabaseSettings s = DatabaseUrlParser.parse(
                    "postgresql://svc%40corp:p%40ss%3Aw%2Frd%251%3F%23@db.example.com:5432/bookstore");
            assertEquals("svc@corp", s.user());
            assertEquals("p@ss:w/rd%1?#", s.password());
            assertEquals("db.example.com", s.host());
            assertEquals("bookstore", s.database());
        }

        @Test
        void unencoded_at_and_colon_in_the_password_are_tolerated() {
            DatabaseSettings s = DatabaseUrlParser.parse("postgresql://app:p@ss:word@db:5432/bookstore");
            assertEquals("app", s.user());
            assertEquals("p@ss:word", s.password());
            assertEquals("db", s.host());
        }

        @Test
        void plus_is_a_plus_not_a_space() {
            DatabaseSettings s = DatabaseUrlParser.parse("postgresql://app:a+b@db/bookstore");
            assertEquals("a+b", s.password());
        }

        @Test
        void scheme_is_case_insensitive_and_surrounding_whitespace_is_ignored() {
            DatabaseSettings s = DatabaseUrlParser.parse("  POSTGRESQL://app@db:5432/bookstore \n");
            assertEquals("db", s.host());
            assertEquals("bookstore", s.database());
        }

        @Test
        void query_parameters_are_decoded_and_a_parameter_without_value_is_empty() {
            DatabaseSettings s = DatabaseUrlParser.parse(
                    "postgresql://db/bookstore?options=-c%20search_path%3Dcatalog&ssl&&application_name=a%26b");
            assertEquals(Map.of("options", "-c search_path=catalog", "ssl", "", "application_name", "a&b"), s.parameters());
        }

        @Test
        void jdbc_url_is_encoded_so_that_the_driver_reads_back_the_same_values() {
            DatabaseSettings s = DatabaseUrlParser.parse(
                    "postgresql://app:" + SECRET + "@db:6000/my%20db?application_name=100%25%20a%2Bb%26c&options=-c%20x%3Dy");
            Properties driver = org.postgresql.Driver.parseURL(s.jdbcUrl(), new Properties());
            assertNotNull(driver, "the PostgreSQL driver rejects " + s.jdbcUrl());
            assertEquals("db", driver.getProperty("PGHOST"));
            assertEquals("6000", driver.getProperty("PGPORT"));
            assertEquals("my db", driver.getProperty("PGDBNAME"));
            assertEquals("100% a+b&c", driver.getProperty("application_name"));
            assertEquals("-c x=y", driver.getProperty("options"));
            assertNull(driver.getProperty("password"));
            assertNull(driver.getProperty("user"));
        }
    }

    @Nested
    class Errors {

        @Test
        void null_empty_and_blank_say_that_it_is_empty_and_how_to_set_it() {
            for (String url : new String[] {null, "", "   ", "\t\n"}) {
                SettingsException e = rejected(url);
                assertMessage(e, "DATABASE_URL is empty", "Set it to the database to use, e.g. postgresql://");
            }
        }

        @Test
        void no_scheme() {
            SettingsException e = rejected("localhost:5432/bookstore");
            assertMessage(e, "DATABASE_URL is not a URL (localhost:5432/bookstore)", "Write it as postgresql://");
        }

        @Test
        void no_scheme_with_credentials_masks_the_password() {
            SettingsException e = rejected("app:" + SECRET + "@localhost:5432/bookstore");
            assertMessage(e, "is not a URL (app:****@localhost:5432/bookstore)", "Write it as postgresql://");
        }

        @Test
        void scheme_without_slashes_masks_the_password() {
            SettingsException e = rejected("postgresql:app:" + SECRET + "@localhost/bookstore");
            assertMessage(e, "is not a URL (postgresql:****@localhost/bookstore)", "Write it as");
        }

        @Test
        void unknown_scheme() {
            SettingsException e = rejected("mysql://app:" + SECRET + "@localhost:3306/bookstore");
            assertMessage(e, "has the unsupported scheme 'mysql' (mysql://app:****@localhost:3306/bookstore)",
                    "Only PostgreSQL is supported: use postgresql://, postgres:// or jdbc:postgresql://.");
        }

        @Test
        void unknown_jdbc_scheme() {
            SettingsException e = rejected("jdbc:mysql://localhost/bookstore?password=" + SECRET);
            assertMessage(e, "unsupported scheme 'jdbc:mysql'", "jdbc:postgresql://");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "0", "70000", "65536", "-1", "", "54 32"})
        void bad_port(String port) {
            SettingsException e = rejected("postgresql://app:" + SECRET + "@db:" + port + "/bookstore");
            assertMessage(e, "has the port '" + port + "' (postgresql://app:****@db:" + port + "/bookstore)",
                    "The port must be a number from 1 to 65535, e.g. 5432.");
        }

        @Test
        void bad_port_of_an_ipv6_host() {
            SettingsException e = rejected("postgresql://[::1]:http/bookstore");
            assertMessage(e, "has the port 'http'", "from 1 to 65535");
        }

        @Test
        void highest_and_lowest_ports_are_valid() {
            assertEquals(65535, DatabaseUrlParser.parse("postgresql://db:65535/bookstore").port());
            assertEquals(1, DatabaseUrlParser.parse("postgresql://db:1/bookstore").port());
        }

        @ParameterizedTest
        @ValueSource(strings = {"postgresql:///bookstore", "postgresql://app:" + SECRET + "@/bookstore",
                "postgresql://:5432/bookstore", "postgresql://app:" + SECRET + "@:5432/bookstore"})
        void no_host(String url) {
            SettingsException e = rejected(url);
            assertMessage(e, "DATABASE_URL names no host", "Add it after '://', e.g. postgresql://");
        }

        @ParameterizedTest
        @ValueSource(strings = {"postgresql://app:" + SECRET + "@db:5432", "postgresql://app:" + SECRET + "@db:5432/",
                "postgresql://db?sslmode=require", "postgresql://db/?sslmode=require"})
        void no_database(String url) {
            SettingsException e = rejected(url);
            assertMessage(e, "DATABASE_URL names no database", "Add it after the host: postgresql://");
        }

        @Test
        void database_name_with_a_slash() {
            SettingsException e = rejected("postgresql://db/book/store");
            assertMessage(e, "has a database name with '/' (postgresql://db/book/store)", "Write it as postgresql://");
        }

        @ParameterizedTest
        @ValueSource(strings = {"postgresql://app:" + SECRET + "@db1,db2/bookstore",
                "postgresql://app:" + SECRET + "@db1:5432,db2:5432/bookstore",
                "jdbc:postgresql://db1:5432,db2:5433/bookstore?password=" + SECRET,
                "postgresql://app:" + SECRET + "@[::1]:5432,[::2]:5432/bookstore"})
        void several_hosts(String url) {
            SettingsException e = rejected(url);
            assertMessage(e, "DATABASE_URL lists several hosts", "Give one host; put a load balancer or a DNS name in front of several.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"postgresql://app:" + SECRET + "%zz@db/bookstore", "postgresql://app:" + SECRET + "%@db/bookstore",
                "postgresql://app:" + SECRET + "%4@db/bookstore", "postgresql://app:" + SECRET + "@db/book%zzstore",
                "postgresql://app:" + SECRET + "@db/bookstore?sslmode=%G1"})
        void bad_percent_escape(String url) {
            SettingsException e = rejected(url);
            assertMessage(e, "DATABASE_URL has a malformed %-escape (postgresql://app:****@db/",
                    "Percent-encode special characters of the user and password, e.g. '@' as %40 and '%' as %25.");
        }

        @Test
        void ipv6_host_without_closing_bracket() {
            SettingsException e = rejected("postgresql://app:" + SECRET + "@[::1/bookstore");
            assertMessage(e, "has an IPv6 host without its closing ']'", "Write it as postgresql://user@[::1]:5432/db.");
        }

        @Test
        void ipv6_host_followed_by_something_else_than_a_port() {
            SettingsException e = rejected("postgresql://app:" + SECRET + "@[::1]x5432/bookstore");
            assertMessage(e, "has characters after the IPv6 host's ']'", "Write it as postgresql://user@[::1]:5432/db.");
        }

        @Test
        void query_parameter_without_a_name() {
            SettingsException e = rejected("postgresql://app:" + SECRET + "@db/bookstore?=x");
            assertMessage(e, "has a query parameter without a name", "Write parameters as ?name=value&other=value.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"pa/ss-" + SECRET, "pa?ss-" + SECRET, "p/" + SECRET + "/x"})
        void password_with_an_unencoded_slash_or_question_mark_is_rejected_without_echoing_any_of_it(String password) {
            SettingsException e = rejected("postgresql://app:" + password + "@db.example.com:5432/bookstore");
            assertMessage(e, "DATABASE_URL has no valid port before the first '/' or '?' (postgresql://app:****@",
                    "percent-encode them as %2F, %3F and %23");
            String beforeSlash = password.split("[/?]")[0];
            assertFalse(e.getMessage().contains("'" + beforeSlash + "'"), e.getMessage());
        }

        @Test
        void password_with_an_unencoded_slash_after_a_numeric_start_is_rejected() {
            // "5432" passes for a port; the rest of the password would become the database name
            SettingsException e = rejected("postgresql://app:5432/" + SECRET + "@db.example.com");
            assertMessage(e, "DATABASE_URL has an '@' after the host (postgresql://app:****@db.example.com)",
                    "percent-encode them as %2F, %3F and %23");
        }

        @Test
        void an_at_in_a_query_value_is_fine() {
            DatabaseSettings s = DatabaseUrlParser.parse("postgresql://db/bookstore?application_name=svc@host");
            assertEquals("svc@host", s.parameters().get("application_name"));
        }

        private SettingsException rejected(String url) {
            return assertThrows(SettingsException.class, () -> DatabaseUrlParser.parse(url));
        }

        private void assertMessage(SettingsException e, String what, String fix) {
            assertEquals(DatabaseSettings.DATABASE_URL, e.variable());
            String message = e.getMessage();
            assertTrue(message.startsWith("DATABASE_URL "), message);
            assertTrue(message.contains(what), () -> "expected <" + what + "> in: " + message);
            assertTrue(message.contains(fix), () -> "expected <" + fix + "> in: " + message);
            assertFalse(message.contains(SECRET), () -> "password in: " + message);
            assertFalse(e.toString().contains(SECRET), e::toString);
        }
    }

    @Nested
    class Mask {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                postgresql://app:Sup3r-S3cret@db:5432/bookstore          | postgresql://app:****@db:5432/bookstore
                postgres://app:Sup3r-S3cret@db/bookstore?sslmode=require | postgres://app:****@db/bookstore?sslmode=require
                postgresql://app:p@ss@Sup3r-S3cret@db/bookstore          | postgresql://app:****@db/bookstore
                postgresql://app:p%40Sup3r-S3cret@db/bookstore           | postgresql://app:****@db/bookstore
                postgresql://app:Sup3r-S3cret@[::1]:5432/bookstore       | postgresql://app:****@[::1]:5432/bookstore
                postgresql://app:Sup3r-S3cret@db                          | postgresql://app:****@db
                postgresql://app@db:5432/bookstore                        | postgresql://app@db:5432/bookstore
                postgresql://app@[::1]:5432/bookstore                     | postgresql://app@[::1]:5432/bookstore
                postgresql://db:5432/bookstore                            | postgresql://db:5432/bookstore
                jdbc:postgresql://db/bookstore?user=app&password=Sup3r-S3cret&ssl=true | jdbc:postgresql://db/bookstore?user=app&password=****&ssl=true
                jdbc:postgresql://db/bookstore?PASSWORD=Sup3r-S3cret      | jdbc:postgresql://db/bookstore?PASSWORD=****
                postgresql://a:Sup3r-S3cret@db/x?password=Sup3r-S3cret    | postgresql://a:****@db/x?password=****
                postgresql://db/bookstore?sslpassword=Sup3r-S3cret&application_name=api | postgresql://db/bookstore?sslpassword=****&application_name=api
                app:Sup3r-S3cret@db:5432/bookstore                        | app:****@db:5432/bookstore
                postgresql://app:pa/Sup3r-S3cret@db/bookstore             | postgresql://app:****@db/bookstore
                postgresql://app:pa?Sup3r-S3cret@db/bookstore             | postgresql://app:****@db/bookstore
                postgresql://app:p@ss?Sup3r-S3cret@db/bookstore           | postgresql://app:****@db/bookstore
                postgresql://app:p@ss/Sup3r-S3cret@db/bookstore           | postgresql://app:****@db/bookstore
                postgresql://app:Sup3r-S3cret@db/bookstore?application_name=a@b | postgresql://app:****@db/bookstore?application_name=a@b
                not a url                                                  | not a url
                """)
        void masks_the_password_of_user_info_and_parameters(String url, String masked) {
            assertEquals(masked, DatabaseUrlParser.mask(url));
            assertFalse(DatabaseUrlParser.mask(url).contains(SECRET));
        }

        @Test
        void null_stays_null() {
            assertNull(DatabaseUrlParser.mask(null));
        }
    }

    /** The query parameters the PostgreSQL driver interprets: valid values pass, bad ones are named before connecting. */
    @Nested
    class DriverParameterValues {

        private static final String BASE = "postgresql://app:" + SECRET + "@db:5432/bookstore?";

        @Test
        void every_choice_the_driver_offers_is_accepted() {
            for (org.postgresql.PGProperty property : org.postgresql.PGProperty.values()) {
                if (property.getChoices() == null) {
                    continue;
                }
                for (String choice : property.getChoices()) {
                    DatabaseSettings s = DatabaseUrlParser.parse(BASE + property.getName() + "=" + choice);
                    assertEquals(choice, s.parameters().get(property.getName()));
                }
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"sslmode=REQUIRE", "ssl", "ssl=TRUE", "ssl=false", "loginTimeout=1.5", "connectTimeout=0",
            "socketTimeout=30", "protocolVersion=3.2", "prepareThreshold=-1", "receiveBufferSize=-1", "maxResultBuffer=10p",
            "maxResultBuffer=100M", "binaryTransferEnable=int4,bool", "sslfactory=org.postgresql.ssl.NonValidatingFactory",
            "localSocketAddress=127.0.0.1", "ApplicationName=api", "application_name=api", "currentSchema=app",
            "options=-c%20search_path%3Dapp", "tcpKeepAlive=true", "readOnly=FALSE", "sslrootcert=/etc/ssl/root.crt"})
        void valid_values_are_accepted(String parameter) {
            assertNotNull(DatabaseUrlParser.parse(BASE + parameter));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                sslmode=bogus              | has sslmode='bogus', which the PostgreSQL driver does not accept | Use one of: disable, allow, prefer, require, verify-ca, verify-full.
                targetServerType=PRIMARY   | has targetServerType='PRIMARY'                                  | (case-sensitive)
                connectTimeout=abc         | has connectTimeout='abc', which is not a whole number             | connectTimeout=10
                socketTimeout=-1           | has socketTimeout='-1', which is negative                         | at least 0
                connectTimeout=99999999999 | which is too large                                                | at most 2147483647
                loginTimeout=soon          | which is not a number of seconds                                  | loginTimeout=10
                maxSendBufferSize=0        | which is not positive                                             | at least 1
                ssl=yes                    | has ssl='yes', which is not true or false                         | ssl=true or ssl=false
                sslMode=require            | has the parameter 'sslMode'                                       | Write it as 'sslmode'.
                PGHOST=other               | has the parameter 'PGHOST', which would override the host         | in the URL itself
                socketFactory=com.example.NoSuchFactory | a class that is not on the class path                | fully qualified name
                maxResultBuffer=10x        | which the PostgreSQL driver cannot parse                          | 10p
                binaryTransferEnable=int4,nosuchtype | whose entry 'nosuchtype'                                | int4,bool
                """)
        void bad_values_are_named_before_connecting(String parameter, String what, String fix) {
            SettingsException e = assertThrows(SettingsException.class, () -> DatabaseUrlParser.parse(BASE + parameter));
            String message = e.getMessage();
            assertTrue(message.startsWith("DATABASE_URL has "), message);
            assertTrue(message.contains(what), () -> "expected <" + what + "> in: " + message);
            assertTrue(message.contains(fix), () -> "expected <" + fix + "> in: " + message);
            assertTrue(message.contains("(postgresql://app:****@db:5432/bookstore?" + parameter + ")"), message);
            assertFalse(message.contains(SECRET), message);
        }
    }
}
