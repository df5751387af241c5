package id.loket.feedback.survey.service;

import id.loket.feedback.config.FeedbackConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A survey's token is HMAC-SHA256 of its id under a configured key (base64url): unguessable without the key,
 * and derivable again, so a rebuild of the read model needs no stored secret. The database keeps only a
 * SHA-256 of the token for the look-up, never the token itself.
 */
// @Startup: a service without its token key stops at boot, not at the first visit it should offer a survey for.
@Startup
@ApplicationScoped
public class SurveyTokens {

    private final byte[] key;

    SurveyTokens(FeedbackConfig config) {
        this.key = config.tokenKey()
                .orElseThrow(() -> new IllegalStateException("loket.feedback.token-key (LOKET_FEEDBACK_TOKEN_KEY) is not set"))
                .getBytes(StandardCharsets.UTF_8);
    }

    public String tokenOf(UUID surveyId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(surveyId.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the read model stores and looks tokens up by. */
    public static String lookupHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 32 bytes in base64url: anything else cannot be a token, and is not worth a database look-up. */
    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
