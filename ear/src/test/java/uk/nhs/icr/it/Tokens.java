package uk.nhs.icr.it;

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
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Signs bearer tokens the way an identity provider would (RS256, MicroProfile JWT claims), with the demo
 * key the build made, or deliberately wrong: another key, another issuer, already expired.
 */
public final class Tokens {

    public static final String ISSUER = "urn:icr:demo-issuer";

    private String subject;
    private List<String> groups = List.of();
    private String nhsNumber;
    private String issuer = ISSUER;
    private Instant expires = Instant.now().plus(Duration.ofMinutes(10));
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
        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        groups.forEach(groupArray::add);
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("upn", subject)
                .add("groups", groupArray)
                .add("iat", Instant.now().minusSeconds(60).getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("jti", UUID.randomUUID().toString());
        if (nhsNumber != null) {
            claims.add("nhs_number", nhsNumber);
        }
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64Url(claims.build().toString());
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
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
