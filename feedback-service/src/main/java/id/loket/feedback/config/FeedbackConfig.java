package id.loket.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** feedback-service's settings, {@code loket.feedback.*}, each overridable by environment variable. */
@ConfigMapping(prefix = "loket.feedback")
public interface FeedbackConfig {

    /** HMAC key the survey tokens are derived with (LOKET_FEEDBACK_TOKEN_KEY); a secret. */
    Optional<String> tokenKey();

    /** How long after the visit closed a survey can be answered. */
    @WithDefault("P7D")
    Duration surveyExpiry();

    /** Base URL participants open the survey page at (the QR code points here). */
    @WithDefault("http://localhost:8084")
    String publicBaseUrl();

    /**
     * The time zone of a survey whose VisitClosed named none (events recorded before VisitClosed carried the
     * branch's zone). Every other survey's days and local times are in its own branch's zone.
     */
    @WithDefault("Asia/Jakarta")
    ZoneId zone();

    /** How often the CSAT-today gauge is recomputed from the read model (e.g. 5s; read by the scheduler). */
    @WithDefault("5s")
    String metricsRefresh();

    /** The limit on the public survey routes per client address ({@code loket.feedback.rate-limit.*}). */
    RateLimit rateLimit();

    interface RateLimit {
        /**
         * Requests one address may make a minute, at once or spread out. A participant's answer takes three
         * (the page, the survey, the answer); many phones may share an address behind a carrier's NAT.
         */
        @WithDefault("60")
        int requestsPerMinute();

        /** Addresses remembered at once; beyond it the least recently seen is forgotten (bounded memory). */
        @WithDefault("10000")
        int maxClients();
    }
}
