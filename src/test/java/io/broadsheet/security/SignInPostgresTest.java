package io.broadsheet.security;

import io.broadsheet.support.PostgresSiteTest;

/** Every test of {@link SignInTest}, rerun on PostgreSQL. */
@PostgresSiteTest
class SignInPostgresTest extends SignInTest {
}
