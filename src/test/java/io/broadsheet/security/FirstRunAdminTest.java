package io.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class FirstRunAdminTest {

    @Test
    void withNoStaffTheAdminGetsThePasswordFromTheEnvironment(CapturedOutput output) {
        StaffAccounts accounts = mock(StaffAccounts.class);
        when(accounts.count()).thenReturn(0L);

        new FirstRunAdmin(accounts, new MockEnvironment().withProperty("BROADSHEET_ADMIN_PASSWORD", "from-the-env-1"))
                .run(null);

        verify(accounts).create("admin", "Administrator", StaffRole.ADMIN, "from-the-env-1");
        assertThat(output).doesNotContain("from-the-env-1");
    }

    @Test
    void withoutOneARandomPasswordIsWrittenOnceToTheLog(CapturedOutput output) {
        StaffAccounts accounts = mock(StaffAccounts.class);
        when(accounts.count()).thenReturn(0L);

        new FirstRunAdmin(accounts, new MockEnvironment()).run(null);

        ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
        verify(accounts).create(eq("admin"), any(), eq(StaffRole.ADMIN), password.capture());
        assertThat(password.getValue()).hasSizeGreaterThanOrEqualTo(StaffAccounts.MIN_PASSWORD_LENGTH);
        assertThat(output).contains("First run: created the staff account 'admin'").contains(password.getValue());
    }

    @Test
    void nothingHappensOnceThereIsStaff() {
        StaffAccounts accounts = mock(StaffAccounts.class);
        when(accounts.count()).thenReturn(3L);

        new FirstRunAdmin(accounts, new MockEnvironment().withProperty("BROADSHEET_ADMIN_PASSWORD", "x")).run(null);

        verify(accounts, never()).create(anyString(), anyString(), any(), anyString());
    }
}
