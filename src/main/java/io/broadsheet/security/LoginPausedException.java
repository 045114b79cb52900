package io.broadsheet.security;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many recent failures for this account or address. */
class LoginPausedException extends AuthenticationException {

    LoginPausedException() {
        super("Too many failed sign-in attempts");
    }
}
