import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer tokens for the membership benchmarks. The benchmark makes its own RSA key pair (kept in bench/.data, never
 * in the repository) and starts the service it measures with that public key as {@code quarkus.oidc.public-key} and
 * {@link #ISSUER} as the issuer; the service verifies these tokens exactly as it verifies the identity provider's
 * (signature, expiry, issuer, roles). Nothing in the service changes: it is configuration of a service the bench owns.
 *
 * <pre>
 * java BenchTokens.java keys DIR                      makes DIR/bench-token.key and DIR/bench-token.pub once; prints the public key
 * java BenchTokens.java token DIR SUBJECT ROLE[,ROLE]  prints a token valid for 12 hours
 * </pre>
 */
public class BenchTokens {

    public static final String ISSUER = "https://bench.loket.invalid/realms/loket";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        Path priv = dir.resolve("bench-token.key");
        Path pub = dir.resolve("bench-token.pub");
        switch (args[0]) {
            case "keys" -> {
                if (!Files.exists(priv) || !Files.exists(pub)) {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048);
                    KeyPair keys = g.generateKeyPair();
                    Files.createDirectories(dir);
                    Files.writeString(priv, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
                    Files.writeString(pub, Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
                }
                System.out.println(Files.readString(pub).trim());
            }
            case "token" -> System.out.println(token(Files.readString(priv).trim(), args[2], args[3].split(",")));
            default -> throw new IllegalArgumentException("keys DIR | token DIR SUBJECT ROLES");
        }
    }

    static String token(String privateKeyBase64, String subject, String... roles) throws Exception {
        long now = Instant.now().getEpochSecond();
        StringBuilder r = new StringBuilder();
        for (String role : roles) r.append(r.isEmpty() ? "" : ",").append('"').append(role).append('"');
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"preferred_username\":\"" + subject
                + "\",\"typ\":\"Bearer\",\"iat\":" + now + ",\"exp\":" + (now + 12 * 3600)
                + ",\"realm_access\":{\"roles\":[" + r + "]}}";
        String unsigned = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + b64(rsa.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
