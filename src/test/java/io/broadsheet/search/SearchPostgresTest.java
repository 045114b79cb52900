package io.broadsheet.search;

import io.broadsheet.support.PostgresSiteTest;

/** Every test of {@link SearchTest}, rerun on PostgreSQL. */
@PostgresSiteTest
class SearchPostgresTest extends SearchTest {
}
