package id.loket.platform.privacy;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** {@code loket.privacy.*}: the keys that protect participants' numbers, given by environment in production. */
@ConfigMapping(prefix = "loket.privacy")
public interface PrivacyConfig {

    /** HMAC-SHA256 key for nikHash; a secret. */
    Optional<String> nikHmacKey();
}
