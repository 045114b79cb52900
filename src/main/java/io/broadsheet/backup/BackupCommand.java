package io.broadsheet.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import javax.sql.DataSource;

import io.broadsheet.security.StaffAccounts;
import io.broadsheet.security.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one-shot backup commands: {@code --broadsheet.export=FILE} writes all content to FILE,
 * {@code --broadsheet.import=FILE} loads FILE into a new, empty instance; either way the application then exits
 * (status 0 on success, 1 with the reason in the log otherwise). After an import every account is disabled and
 * has no usable password, except the first ADMIN in the file, which is enabled with a one-time password written
 * once to the log, as on a first run; that ADMIN gives the others new passwords under /admin/staff.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BackupCommand implements ApplicationRunner {

    static final String EXPORT = "broadsheet.export";
    static final String IMPORT = "broadsheet.import";

    private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

    private final Environment environment;
    private final DataSource dataSource;
    private final PasswordEncoder passwords;
    private final StaffAccounts staff;
    private final ConfigurableApplicationContext context;

    BackupCommand(Environment environment, DataSource dataSource, PasswordEncoder passwords, StaffAccounts staff,
            ConfigurableApplicationContext context) {
        this.environment = environment;
        this.dataSource = dataSource;
        this.passwords = passwords;
        this.staff = staff;
        this.context = context;
    }

    /** Whether these command-line arguments ask for a backup command rather than the site. */
    public static boolean requested(String... args) {
        for (String arg : args) {
            if (arg.startsWith("--" + EXPORT + "=") || arg.startsWith("--" + IMPORT + "=")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run(ApplicationArguments args) {
        String exportTo = environment.getProperty(EXPORT);
        String importFrom = environment.getProperty(IMPORT);
        if (exportTo == null && importFrom == null) {
            return;
        }
        int status = 0;
        try {
            ContentBackup backup = new ContentBackup(dataSource, passwords);
            if (exportTo != null) {
                var counts = backup.exportTo(Path.of(exportTo));
                log.info("Exported {} to {}", counts.rows(), Path.of(exportTo).toAbsolutePath());
            } else {
                Path file = Path.of(importFrom);
                if (!Files.isReadable(file)) {
                    throw new ContentBackup.ImportRefused("cannot read " + file.toAbsolutePath());
                }
                var counts = backup.importFrom(file);
                log.info("Imported {} from {}", counts.rows(), file.toAbsolutePath());
                enableFirstAdmin();
            }
        } catch (RuntimeException e) {
            log.error("Backup command failed: {}", e.getMessage());
            status = 1;
        }
        int exitCode = status;
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    private void enableFirstAdmin() {
        staff.all().stream().filter(member -> member.role() == StaffRole.ADMIN)
                .min(Comparator.comparingLong(StaffAccounts.StaffView::id))
                .ifPresentOrElse(admin -> {
                    String password = staff.resetPassword(admin.id());
                    staff.setEnabled(admin.id(), true);
                    log.warn("Imported staff are disabled until an ADMIN gives them a new password. The ADMIN '{}'"
                            + " is enabled with the one-time password {} . Sign in and change it under My"
                            + " password. This line is not written again.", admin.username(), password);
                }, () -> log.warn("The backup has no ADMIN: every imported account is disabled."));
    }
}
