package io.broadsheet.security;

/**
 * What a member of staff may do. WRITER drafts and edits their own drafts; EDITOR edits, publishes, schedules,
 * unpublishes and archives any story; ADMIN does all that and manages staff accounts.
 */
public enum StaffRole {
    WRITER, EDITOR, ADMIN;

    /** The Spring Security authority, as {@code hasRole('EDITOR')} expects it. */
    public String authority() {
        return "ROLE_" + name();
    }
}
