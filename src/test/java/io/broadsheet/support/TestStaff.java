package io.broadsheet.support;

import java.util.concurrent.atomic.AtomicInteger;

import io.broadsheet.security.StaffAccounts;
import io.broadsheet.security.StaffRole;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Real staff accounts for tests, each with a fresh name and the same known password. */
@TestComponent
public class TestStaff {

    public static final String PASSWORD = "correct-horse-battery-staple";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final StaffAccounts accounts;
    private final UserDetailsService users;

    TestStaff(StaffAccounts accounts, UserDetailsService users) {
        this.accounts = accounts;
        this.users = users;
    }

    /** A new account with this role; its username starts with the role's name. */
    public String create(StaffRole role) {
        String username = role.name().toLowerCase() + "-" + SEQUENCE.incrementAndGet();
        accounts.create(username, "Test " + username, role, PASSWORD);
        return username;
    }

    /** Signs a MockMvc request in as this member of staff, with the principal the application builds. */
    public RequestPostProcessor as(String username) {
        UserDetails principal = users.loadUserByUsername(username);
        return user(principal);
    }

    public long id(String username) {
        return accounts.all().stream().filter(member -> member.username().equals(username)).findFirst()
                .orElseThrow().id();
    }
}
