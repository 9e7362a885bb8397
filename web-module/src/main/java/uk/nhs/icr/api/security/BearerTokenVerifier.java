package uk.nhs.icr.api.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies RS256 bearer tokens: signature against the configured public key, issuer, expiry (with a
 * little clock skew), and the presence of {@code upn}/{@code sub} and {@code groups}. With no key
 * configured every token is refused, which is the safe default for a server nobody has set up.
 */
@ApplicationScoped
public class BearerTokenVerifier {

    private static final Logger LOG = Logger.getLogger(BearerTokenVerifier.class.getName());
    private static final int CLOCK_SKEW_SECONDS = 30;

    /** The claims ICR uses from a verified token. */
    public record VerifiedToken(String subject, List<String> groups, Optional<String> nhsNumber) {
    }

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "urn:icr:demo-issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKeyPem;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    private JwtConsumer consumer;

    @PostConstruct
    void init() {
        Optional<PublicKey> key = publicKeyPem.filter(pem -> !pem.isBlank()).or(this::readKeyLocation).map(BearerTokenVerifier::parse);
        if (key.isEmpty()) {
            LOG.warning("No mp.jwt.verify.publickey(.location) configured: every API bearer token will be refused");
            return;
        }
        consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setRequireSubject()
                .setExpectedIssuer(issuer)
                .setVerificationKey(key.get())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setSkipDefaultAudienceValidation()
                .build();
    }

    /** The token's claims if it is genuine, current and from our issuer; empty otherwise. */
    public Optional<VerifiedToken> verify(String token) {
        if (consumer == null || token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String subject = claims.hasClaim("upn") ? claims.getStringClaimValue("upn") : claims.getSubject();
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            Optional<String> nhsNumber = Optional.ofNullable(claims.getStringClaimValue("nhs_number"));
            return Optional.of(new VerifiedToken(subject, groups, nhsNumber));
        } catch (InvalidJwtException | MalformedClaimException e) {
            LOG.fine(() -> "Refused a bearer token: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Optional<String> readKeyLocation() {
        return publicKeyLocation.filter(location -> !location.isBlank()).map(location -> {
            try {
                if (location.startsWith("classpath:")) {
                    try (InputStream in = Thread.currentThread().getContextClassLoader()
                            .getResourceAsStream(location.substring("classpath:".length()))) {
                        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    }
                }
                Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
                return Files.readString(path, StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "Cannot read the token public key at " + location + ": " + e.getClass().getSimpleName());
                return null;
            }
        });
    }

    private static PublicKey parse(String pem) {
        try {
            String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("mp.jwt.verify.publickey is not an RSA public key in PEM form", e);
        }
    }
}
