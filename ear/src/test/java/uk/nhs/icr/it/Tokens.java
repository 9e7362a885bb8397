package uk.nhs.icr.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Bearer tokens for a test: from the suite's OpenID Connect provider ({@link IdentityProvider}), for a member of staff
 * holding exactly the roles named or for a patient, or deliberately wrong in the ways attackers and broken clients get
 * them wrong: another key, another issuer, expired or not yet valid, no expiry, no signature ({@code alg: none}), HS256
 * with the public key as the secret, a provider's token with its payload changed. A provider never issues the wrong
 * ones, so those are signed here with the test key the provider publishes beside its own (server-config/bin/keycloak.sh
 * --test): the server then refuses them for what is wrong with them, not for an unknown key ({@link #craftedButValid()}
 * is the control).
 */
public final class Tokens {

    public static final String ISSUER = IdentityProvider.ISSUER;

    private String subject;
    private List<String> groups = List.of();
    private String nhsNumber;
    private String issuer = ISSUER;
    private String audience = IdentityProvider.AUDIENCE;
    private Instant expires = Instant.now().plus(Duration.ofMinutes(10));
    private Instant notBefore;
    private String algorithm = "RS256";
    private boolean tamperedAfterSigning;
    private boolean crafted;
    private PrivateKey key = testKey();

    public static Tokens staff(String username, String... groups) {
        Tokens token = new Tokens();
        token.subject = username;
        token.groups = List.of(groups);
        return token;
    }

    public static Tokens patient(String nhsNumber) {
        Tokens token = new Tokens();
        token.subject = nhsNumber;
        token.nhsNumber = nhsNumber;
        token.groups = List.of("PATIENT");
        return token;
    }

    public Tokens issuedBy(String otherIssuer) {
        issuer = otherIssuer;
        crafted = true;
        return this;
    }

    public Tokens expired() {
        expires = Instant.now().minus(Duration.ofMinutes(5));
        crafted = true;
        return this;
    }

    /** No {@code exp} at all: a token that would never expire. */
    public Tokens withoutExpiry() {
        expires = null;
        crafted = true;
        return this;
    }

    /** {@code nbf} ten minutes ahead, well beyond any clock skew the server allows. */
    public Tokens notYetValid() {
        notBefore = Instant.now().plus(Duration.ofMinutes(10));
        crafted = true;
        return this;
    }

    /** {@code alg: none} and an empty signature. */
    public Tokens unsigned() {
        algorithm = "none";
        crafted = true;
        return this;
    }

    /** HS256 with the server's RSA public key (PEM text, which anyone may have) as the HMAC secret. */
    public Tokens hmacSignedWithThePublicKey() {
        algorithm = "HS256";
        crafted = true;
        return this;
    }

    /** For another audience: a genuine token of the provider's, meant for another service. */
    public Tokens forAudience(String otherAudience) {
        audience = otherAudience;
        crafted = true;
        return this;
    }

    /** Signed properly, then the payload swapped for one that also claims the privacy officer's group. */
    public Tokens tamperedAfterSigning() {
        tamperedAfterSigning = true;
        return this;
    }

    public Tokens signedWithAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair().getPrivate();
            crafted = true;
            return this;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signed here with the test key the provider publishes, and otherwise right: the server must accept it, which shows
     * that the refusals of the other crafted tokens are for what is wrong with them.
     */
    public Tokens craftedButValid() {
        crafted = true;
        return this;
    }

    /** The token: the provider's, unless the test asked for one a provider never issues. */
    public String sign() {
        if (!crafted) {
            String issued = nhsNumber != null ? IdentityProvider.patientToken(nhsNumber)
                    : IdentityProvider.staffToken(subject, groups);
            return tamperedAfterSigning ? withPrivacyOfficerGroup(issued) : issued;
        }
        String header = base64Url(Json.createObjectBuilder().add("alg", algorithm).add("typ", "JWT").add("kid", testKeyId())
                .build().toString());
        String payload = base64Url(claims(groups));
        String signature = signature(header + "." + payload);
        if (tamperedAfterSigning) {
            List<String> more = new ArrayList<>(groups);
            more.add("PRIVACY_OFFICER");
            payload = base64Url(claims(more));
        }
        return header + "." + payload + "." + signature;
    }

    /** The provider's token with its payload swapped for one that also claims the privacy officer's group. */
    private static String withPrivacyOfficerGroup(String token) {
        String[] parts = token.split("\\.");
        JsonObject claims = Json.createReader(new java.io.StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))).readObject();
        JsonArrayBuilder groups = Json.createArrayBuilder(claims.getJsonArray("groups")).add("PRIVACY_OFFICER");
        String changed = Json.createObjectBuilder(claims).add("groups", groups).build().toString();
        return parts[0] + "." + base64Url(changed) + "." + parts[2];
    }

    private String claims(List<String> claimedGroups) {
        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        claimedGroups.forEach(groupArray::add);
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", subject)
                .add("upn", subject)
                .add("groups", groupArray)
                .add("scope", "record:read record:write preferences:write")
                .add("iat", Instant.now().minusSeconds(60).getEpochSecond())
                .add("jti", UUID.randomUUID().toString());
        if (expires != null) {
            claims.add("exp", expires.getEpochSecond());
        }
        if (notBefore != null) {
            claims.add("nbf", notBefore.getEpochSecond());
        }
        if (nhsNumber != null) {
            claims.add("nhs_number", nhsNumber);
        }
        return claims.build().toString();
    }

    private String signature(String signingInput) {
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] signature = switch (algorithm) {
                case "none" -> new byte[0];
                case "HS256" -> {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(Files.readAllBytes(publicKeyFile()), "HmacSHA256"));
                    yield mac.doFinal(input);
                }
                default -> rs256Signature(input, key);
            };
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Path publicKeyFile() {
        return Path.of(System.getProperty("icr.test.jwt-public-key"));
    }

    private static PrivateKey testKey() {
        return privateKey(Path.of(System.getProperty("icr.test.jwt-private-key")));
    }

    /** An RSA private key from a PKCS#8 PEM file. */
    static PrivateKey privateKey(Path pemFile) {
        try {
            String pem = Files.readString(pemFile);
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the key in " + pemFile, e);
        }
    }

    /** A compact JWT of these claims, signed RS256 with {@code key}: a partner's client assertion, say. */
    static String rs256(JsonObject claims, PrivateKey key) {
        String signingInput = base64Url(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString())
                + "." + base64Url(claims.toString());
        try {
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(rs256Signature(signingInput.getBytes(StandardCharsets.US_ASCII), key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rs256Signature(byte[] signingInput, PrivateKey key) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput);
        return rsa.sign();
    }

    private static String testKeyId;

    /** The key id under which the provider publishes the test key (its JWKS), so that the server finds the key. */
    private static synchronized String testKeyId() {
        if (testKeyId == null) {
            testKeyId = IdentityProvider.testKeyId();
        }
        return testKeyId;
    }
}
