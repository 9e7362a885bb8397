package uk.nhs.icr.access.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

class StaffPasswordsTest {

    private final StaffPasswords passwords = new StaffPasswords();

    @Test
    void a_new_password_is_stored_as_a_bcrypt_hash_that_the_sign_in_realm_accepts() throws Exception {
        String hash = passwords.bcrypt("icr-demo-2026");

        assertTrue(hash.startsWith("$2a$10$"), hash);
        assertFalse(hash.contains("icr-demo-2026"));
        // what the Elytron JDBC realm's modular-crypt mapper does at sign-in
        Password stored = ModularCrypt.decode(hash);
        PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, WildFlyElytronPasswordProvider.getInstance());
        assertTrue(factory.verify(factory.translate(stored), "icr-demo-2026".toCharArray()));
        assertFalse(factory.verify(factory.translate(stored), "icr-demo-2027".toCharArray()));
    }

    @Test
    void the_same_password_twice_gets_two_salts() {
        assertNotEquals(passwords.bcrypt("icr-demo-2026"), passwords.bcrypt("icr-demo-2026"));
    }
}
