package io.broadsheet.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Changing one's own password: the current one, and the new one twice. */
record PasswordForm(
        @NotBlank(message = "{password.current.required}") String currentPassword,
        @NotBlank(message = "{password.required}")
        @Size(min = StaffAccounts.MIN_PASSWORD_LENGTH, max = 200, message = "{password.size}") String newPassword,
        String confirmPassword) {

    @AssertTrue(message = "{password.confirm.mismatch}")
    public boolean isConfirmed() {
        return newPassword == null || newPassword.equals(confirmPassword);
    }

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}
