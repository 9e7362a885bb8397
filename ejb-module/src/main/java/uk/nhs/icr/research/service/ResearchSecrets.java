package uk.nhs.icr.research.service;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wildfly.security.auth.server.IdentityCredentials;
import org.wildfly.security.credential.PasswordCredential;
import org.wildfly.security.credential.store.CredentialStore;
import org.wildfly.security.credential.store.WildFlyElytronCredentialStoreProvider;
import org.wildfly.security.password.interfaces.ClearPassword;

import uk.nhs.icr.research.Pseudonymiser;

/**
 * The pseudonym master secret, held in the WildFly Elytron credential store the set-up provisions once
 * ({@code icr-research.cs} in the server's configuration directory, alias {@value #ALIAS}), never in a database. Read when a project's pseudonymiser is made; the secret
 * is wiped from memory once the project's key is derived.
 */
@ApplicationScoped
public class ResearchSecrets {

    static final String ALIAS = "pseudonym-master";
    static final String STORE_FILE = "icr-research.cs";

    @Inject
    @ConfigProperty(name = "icr.research.store-password", defaultValue = "icr-research-local")
    String storePassword;

    /** The pseudonymiser of a project's current key version. */
    public Pseudonymiser pseudonymiserFor(String reference, int keyVersion) {
        byte[] master = masterSecret();
        try {
            return Pseudonymiser.forProject(master, reference, keyVersion);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    private byte[] masterSecret() {
        Path store = Path.of(System.getProperty("jboss.server.config.dir", "."), STORE_FILE);
        if (!Files.isReadable(store)) {
            throw new IllegalStateException("No research credential store at " + store + ": the set-up (configure-wildfly.sh) makes one");
        }
        try {
            CredentialStore credentials = CredentialStore.getInstance("KeyStoreCredentialStore", WildFlyElytronCredentialStoreProvider.getInstance());
            credentials.initialize(Map.of("location", store.toString(), "keyStoreType", "JCEKS", "modifiable", "false",
                    "create", "false"),
                    new CredentialStore.CredentialSourceProtectionParameter(IdentityCredentials.NONE.withCredential(
                            new PasswordCredential(ClearPassword.createRaw(ClearPassword.ALGORITHM_CLEAR, storePassword.toCharArray())))));
            PasswordCredential secret = credentials.retrieve(ALIAS, PasswordCredential.class);
            if (secret == null) {
                throw new IllegalStateException("The research credential store has no " + ALIAS);
            }
            char[] chars = secret.getPassword(ClearPassword.class).getPassword();
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
            Arrays.fill(chars, '\0');
            byte[] master = new byte[bytes.remaining()];
            bytes.get(master);
            return master;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The research credential store could not be read", e);
        }
    }
}
