package id.loket.platform.test;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed bearer tokens for tests, shaped like the Keycloak realm's: {@code sub}, {@code preferred_username},
 * {@code realm_access.roles}, {@code branch}. The RSA key pair is made when the test JVM first asks, so no key
 * is in the repository; {@link LoketTestResource} (and the system tests, for the services they start) point
 * the service's OIDC verification at its public key and {@link #ISSUER}. The service verifies these exactly as
 * it verifies the identity provider's tokens: signature, expiry, issuer.
 */
public final class TestTokens {

    public static final String ISSUER = "https://loket.test/realms/loket";
    /** The roles of {@link #staff()}: every person's role, no client's. */
    public static final List<String> STAFF_ROLES = List.of("ADMIN", "ANALYST", "SUPERVISOR", "FRONTLINER", "SECURITY_OFFICER");

    private static final String KEY_PROPERTY = "id.loket.platform.test.token-keys";
    private static final KeyPair KEYS = shared();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile String staff;

    private TestTokens() {
    }

    /** The public key in the form {@code quarkus.oidc.public-key} takes (base64 X.509, no PEM lines). */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** The configuration that makes a service verify these tokens (and not look for an issuer to discover). */
    public static Map<String, String> serviceConfig() {
        return Map.of("quarkus.oidc.public-key", publicKey(),
                "quarkus.oidc.token.issuer", ISSUER);
    }

    /**
     * A token for a user.
     *
     * @param branch the user's branch code, or null for a national user (an admin or analyst)
     */
    public static String token(String subject, String branch, String... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("preferred_username", subject);
        claims.put("typ", "Bearer");
        claims.put("iat", now);
        claims.put("exp", now + 12 * 3600);
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        if (branch != null) claims.put("branch", branch);
        return sign(claims);
    }

    /** {@code Bearer <token>}, for an Authorization header. */
    public static String bearer(String subject, String branch, String... roles) {
        return "Bearer " + token(subject, branch, roles);
    }

    /**
     * A national user holding every staff role: the identity of tests about behaviour rather than access
     * (access has its own tests, which send narrower tokens).
     */
    public static String staff() {
        String s = staff;
        if (s == null) staff = s = token("test-staff", null, STAFF_ROLES.toArray(String[]::new));
        return s;
    }

    /** A token signed by another key: a forged or foreign token, refused like no token at all. */
    public static String forged(String subject, String branch, String... roles) {
        String real = token(subject, branch, roles);
        KeyPair other = generate();
        String unsigned = real.substring(0, real.lastIndexOf('.'));
        return unsigned + "." + signature(unsigned, other);
    }

    private static String sign(Map<String, Object> claims) {
        try {
            String header = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String unsigned = header + "." + b64(JSON.writeValueAsBytes(claims));
            return unsigned + "." + signature(unsigned, KEYS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signature(String unsigned, KeyPair keys) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * One key pair per test JVM, kept in a system property: a test resource and the test class may be loaded
     * by different class loaders (each with its own statics), and both must sign with the key the service trusts.
     */
    private static KeyPair shared() {
        synchronized (System.class) {
            String kept = System.getProperty(KEY_PROPERTY);
            try {
                java.security.KeyFactory rsa = java.security.KeyFactory.getInstance("RSA");
                if (kept != null) {
                    String[] parts = kept.split(":");
                    return new KeyPair(
                            rsa.generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(parts[0]))),
                            rsa.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[1]))));
                }
                KeyPair made = generate();
                System.setProperty(KEY_PROPERTY, Base64.getEncoder().encodeToString(made.getPublic().getEncoded()) + ":"
                        + Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()));
                return made;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
