package id.loket.platform.privacy;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The NIK leaves membership-service's database only as a keyed hash (HMAC-SHA256 under a configured
 * secret) plus its last four digits, so services can match a person without holding the number.
 *
 * <p>Kept even where no bean uses it: its key setting ({@code loket.privacy.nik-hmac-key}) is given to every
 * service alike, and a setting whose mapping was dropped with an unused bean fails the start-up validation.
 */
@Unremovable
@ApplicationScoped
public class NikHasher {

    private final byte[] key;

    NikHasher(PrivacyConfig config) {
        this.key = config.nikHmacKey()
                .orElseThrow(() -> new IllegalStateException("loket.privacy.nik-hmac-key (LOKET_PRIVACY_NIK_HMAC_KEY) is not set"))
                .getBytes(StandardCharsets.UTF_8);
    }

    public String hash(String nik) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(nik.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String last4(String nik) {
        return nik.substring(nik.length() - 4);
    }

    /** All but the last four digits hidden, for the few places a person must recognise the number. */
    public static String mask(String nik) {
        return "*".repeat(Math.max(0, nik.length() - 4)) + last4(nik);
    }
}
