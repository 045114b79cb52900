package io.broadsheet.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On the very first start there is nobody to sign in: create the ADMIN account {@code admin}, with the password
 * from BROADSHEET_ADMIN_PASSWORD, or else a random one written once to the log.
 */
@Component
class FirstRunAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(FirstRunAdmin.class);

    private final StaffAccounts accounts;
    private final Environment environment;

    FirstRunAdmin(StaffAccounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String given = environment.getProperty("BROADSHEET_ADMIN_PASSWORD");
        boolean generated = given == null || given.isBlank();
        String password = generated ? StaffAccounts.randomPassword() : given;
        try {
            accounts.create(USERNAME, "Administrator", StaffRole.ADMIN, password);
        } catch (DataIntegrityViolationException | StaffAccounts.StaffChangeRefused raced) {
            return; // another instance created it at the same moment
        }
        if (generated) {
            log.warn("First run: created the staff account 'admin' (ADMIN) with the one-time password {} ."
                    + " Sign in at /login and change it under My password. This line is not written again.",
                    password);
        } else {
            log.info("First run: created the staff account 'admin' (ADMIN) with the password from"
                    + " BROADSHEET_ADMIN_PASSWORD.");
        }
    }
}
