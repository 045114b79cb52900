package io.broadsheet.system;

import io.broadsheet.support.PostgresSiteTest;

/** {@link DatabaseDifferencesTest} on PostgreSQL. */
@PostgresSiteTest
class DatabaseDifferencesPostgresTest extends DatabaseDifferencesTest {

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
