package uk.nhs.icr.access.service;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Hashes a new member of staff's password with bcrypt, in this JVM, using the same Elytron password
 * library the sign-in realm checks it with: only the hash ({@code $2a$...}, modular crypt form, the
 * format the realm's modular-crypt mapper reads) ever reaches the database.
 */
@ApplicationScoped
public class StaffPasswords {

    /** bcrypt's work factor: 2^10 rounds, about 70 ms here, the cost the sign-in realm has always checked. */
    static final int COST = 10;

    private final SecureRandom random = new SecureRandom();

    /** Whether {@code password} is the one hashed as {@code bcryptHash} (modular crypt form). */
    public boolean matches(String bcryptHash, String password) {
        if (bcryptHash == null || password == null || password.isEmpty()) {
            return false;
        }
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                    WildFlyElytronPasswordProvider.getInstance());
            return factory.verify(factory.translate(ModularCrypt.decode(bcryptHash)), password.toCharArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String bcrypt(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a password is required");
        }
        byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
        random.nextBytes(salt);
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                    WildFlyElytronPasswordProvider.getInstance());
            BCryptPassword hashed = (BCryptPassword) factory.generatePassword(
                    new EncryptablePasswordSpec(password.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(COST, salt)));
            return ModularCrypt.encodeAsString(hashed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bcrypt is not available", e);
        }
    }
}
