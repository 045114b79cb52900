package io.broadsheet.system;

import io.broadsheet.support.SiteTest;

/** {@link DatabaseDifferencesTest} on the embedded default, H2. */
@SiteTest
class DatabaseDifferencesH2Test extends DatabaseDifferencesTest {

    @Override
    String expectedDatabase() {
        return "H2";
    }
}
