package io.broadsheet.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new staff account, as the administrator types it. */
record StaffForm(
        @NotBlank(message = "{staff.username.required}")
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,49}", message = "{staff.username.pattern}")
        String username,
        @Pattern(regexp = "[^\\p{Cc}\\uFFFE\\uFFFF]*", message = "{text.control}")
        @NotBlank(message = "{staff.displayName.required}") @Size(max = 100, message = "{staff.displayName.size}")
        String displayName,
        @NotNull(message = "{staff.role.required}") StaffRole role,
        @NotBlank(message = "{password.required}")
        @Size(min = StaffAccounts.MIN_PASSWORD_LENGTH, max = 200, message = "{password.size}")
        String password) {

    static StaffForm empty() {
        return new StaffForm("", "", StaffRole.WRITER, "");
    }
}
