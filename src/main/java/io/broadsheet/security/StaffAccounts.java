package io.broadsheet.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.broadsheet.system.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: creating them, roles, disabling, and passwords (only ever stored as encoder hashes). */
@Service
@Transactional
public class StaffAccounts {

    public static final int MIN_PASSWORD_LENGTH = 12;

    /** BCrypt reads at most 72 bytes and Spring's encoder refuses more rather than cut them silently. */
    static final int MAX_PASSWORD_BYTES = 72;

    /** Whether the encoder can store this password; a longer one is a form error, not a server error. */
    static boolean isStorable(String password) {
        return password == null || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    public record StaffView(long id, String username, String displayName, StaffRole role, boolean enabled) {
    }

    /** Refused: the change would leave nobody able to manage staff, or the name is taken. */
    public static class StaffChangeRefused extends RuntimeException {
        public StaffChangeRefused(String reason) {
            super(reason);
        }
    }

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffAccounts(StaffRepository staff, PasswordEncoder passwords, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.clock = clock;
    }

    public StaffView create(String username, String displayName, StaffRole role, String password) {
        if (staff.findByUsername(username).isPresent()) {
            throw new StaffChangeRefused("The username " + username + " is already taken.");
        }
        Staff member = staff.save(new Staff(username, displayName, passwords.encode(password), role, clock.instant()));
        return view(member);
    }

    @Transactional(readOnly = true)
    public List<StaffView> all() {
        return staff.findAllByOrderByUsernameAsc().stream().map(StaffAccounts::view).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return staff.count();
    }

    /** Display names by id, for lists that show who wrote what. */
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(Collection<Long> ids) {
        return staff.findAllById(ids).stream().collect(Collectors.toMap(Staff::getId, Staff::getDisplayName,
                (a, b) -> a));
    }

    public void changeRole(long id, StaffRole role) {
        Staff member = find(id);
        if (member.getRole() == StaffRole.ADMIN && role != StaffRole.ADMIN) {
            refuseIfLastAdmin(member);
        }
        member.setRole(role);
    }

    public void setEnabled(long id, boolean enabled) {
        Staff member = find(id);
        if (!enabled && member.getRole() == StaffRole.ADMIN) {
            refuseIfLastAdmin(member);
        }
        member.setEnabled(enabled);
    }

    /** Sets a new random password and returns it, to be handed to its owner once. */
    public String resetPassword(long id) {
        String password = randomPassword();
        find(id).setPasswordHash(passwords.encode(password));
        return password;
    }

    /** Changes one's own password; false when the current password given is wrong. */
    public boolean changeOwnPassword(String username, String currentPassword, String newPassword) {
        Staff member = staff.findByUsername(username).orElseThrow(() -> new NotFoundException("No account"));
        if (!passwords.matches(currentPassword, member.getPasswordHash())) {
            return false;
        }
        member.setPasswordHash(passwords.encode(newPassword));
        return true;
    }

    @Transactional(readOnly = true)
    public StaffView get(long id) {
        return view(find(id));
    }

    static String randomPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void refuseIfLastAdmin(Staff member) {
        long otherAdmins = staff.findAll().stream()
                .filter(other -> other.getRole() == StaffRole.ADMIN && other.isEnabled())
                .filter(other -> !other.getId().equals(member.getId())).count();
        if (otherAdmins == 0) {
            throw new StaffChangeRefused("That would leave no administrator who can sign in.");
        }
    }

    private Staff find(long id) {
        return staff.findById(id).orElseThrow(() -> new NotFoundException("No staff account " + id));
    }

    private static StaffView view(Staff member) {
        return new StaffView(member.getId(), member.getUsername(), member.getDisplayName(), member.getRole(),
                member.isEnabled());
    }
}
