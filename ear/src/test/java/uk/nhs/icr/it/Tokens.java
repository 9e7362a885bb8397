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
import jakarta.json.JsonObjectBuilder;

/**
 * Signs bearer tokens the way an identity provider would (RS256, MicroProfile JWT claims), with the demo
 * key the build made, or deliberately wrong in the ways attackers and broken clients get them wrong: another
 * key, another issuer, expired or not yet valid, no expiry, no signature ({@code alg: none}), HS256 with the
 * public key as the secret, a payload changed after signing.
 */
public final class Tokens {

    public static final String ISSUER = "urn:icr:demo-issuer";

    private String subject;
    private List<String> groups = List.of();
    private String nhsNumber;
    private String issuer = ISSUER;
    private Instant expires = Instant.now().plus(Duration.ofMinutes(10));
    private Instant notBefore;
    private String algorithm = "RS256";
    private boolean tamperedAfterSigning;
    private PrivateKey key = demoKey();

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
        return this;
    }

    public Tokens expired() {
        expires = Instant.now().minus(Duration.ofMinutes(5));
        return this;
    }

    /** No {@code exp} at all: a token that would never expire. */
    public Tokens withoutExpiry() {
        expires = null;
        return this;
    }

    /** {@code nbf} ten minutes ahead, well beyond any clock skew the server allows. */
    public Tokens notYetValid() {
        notBefore = Instant.now().plus(Duration.ofMinutes(10));
        return this;
    }

    /** {@code alg: none} and an empty signature. */
    public Tokens unsigned() {
        algorithm = "none";
        return this;
    }

    /** HS256 with the server's RSA public key (PEM text, which anyone may have) as the HMAC secret. */
    public Tokens hmacSignedWithThePublicKey() {
        algorithm = "HS256";
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
            return this;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign() {
        String header = base64Url(Json.createObjectBuilder().add("alg", algorithm).add("typ", "JWT").build().toString());
        String payload = base64Url(claims(groups));
        String signature = signature(header + "." + payload);
        if (tamperedAfterSigning) {
            List<String> more = new ArrayList<>(groups);
            more.add("PRIVACY_OFFICER");
            payload = base64Url(claims(more));
        }
        return header + "." + payload + "." + signature;
    }

    private String claims(List<String> claimedGroups) {
        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        claimedGroups.forEach(groupArray::add);
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("upn", subject)
                .add("groups", groupArray)
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
                default -> {
                    Signature rsa = Signature.getInstance("SHA256withRSA");
                    rsa.initSign(key);
                    rsa.update(input);
                    yield rsa.sign();
                }
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

    private static PrivateKey demoKey() {
        try {
            String pem = Files.readString(Path.of(System.getProperty("icr.test.jwt-private-key")));
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the demo token key made by server-config", e);
        }
    }
}
