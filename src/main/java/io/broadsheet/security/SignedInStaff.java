package io.broadsheet.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a signed-in member of staff: who they are, and their role. It is serialised into the shared
 * session store (Spring Session JDBC), so every field must stay serialisable.
 */
public class SignedInStaff extends User {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String displayName;
    private final StaffRole role;

    SignedInStaff(long id, String username, String displayName, String passwordHash, StaffRole role,
            boolean enabled) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority(role.authority())));
        this.id = id;
        this.displayName = displayName;
        this.role = role;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public StaffRole role() {
        return role;
    }

    public boolean canPublish() {
        return role != StaffRole.WRITER;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
