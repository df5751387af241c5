package id.loket.feedback.ratelimit.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter on its own, with a clock the test moves. */
class ClientRateLimiterTest {

    final AtomicLong now = new AtomicLong(123_456_789L);

    @Test
    void theRequestAfterTheAllowanceIsRefusedUntilTheClientsMinuteEnds() {
        ClientRateLimiter limiter = new ClientRateLimiter(6, 100, now::get);
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("10.0.0.1").allowed()).as("request %d", i + 1).isTrue();
            now.addAndGet(TimeUnit.SECONDS.toNanos(5)); // spread out over 30 s: still one minute's allowance
        }
        ClientRateLimiter.Decision refused = limiter.acquire("10.0.0.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
        // another address has its own allowance
        assertThat(limiter.acquire("10.0.0.2").allowed()).isTrue();

        now.addAndGet(TimeUnit.SECONDS.toNanos(20));
        assertThat(limiter.acquire("10.0.0.1").retryAfterSeconds()).isEqualTo(10); // knocking does not push it back
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        for (int i = 0; i < 6; i++) assertThat(limiter.acquire("10.0.0.1").allowed()).as("next minute, %d", i + 1).isTrue();
        assertThat(limiter.acquire("10.0.0.1").allowed()).isFalse();
    }

    @Test
    void memoryStaysBoundedHoweverManyAddressesCall() {
        ClientRateLimiter limiter = new ClientRateLimiter(60, 1_000, now::get);
        for (int i = 0; i < 200_000; i++) {
            limiter.acquire("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            now.addAndGet(1_000);
        }
        assertThat(limiter.clients()).isEqualTo(1_000);
    }

    @Test
    void aBusyClientIsKeptWhileIdleOnesAreForgotten() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, 3, now::get);
        assertThat(limiter.acquire("busy").allowed()).isTrue();
        assertThat(limiter.acquire("busy").allowed()).isTrue();
        for (int i = 0; i < 10; i++) {
            limiter.acquire("idle-" + i);
            assertThat(limiter.acquire("busy").allowed()).as("still limited after idle-%d", i).isFalse();
        }
        assertThat(limiter.clients()).isEqualTo(3);
    }

    @Test
    void anIpv6ClientIsLimitedByItsSlash64() {
        assertThat(ClientRateLimiter.clientOf("2001:db8:1:2:aaaa::1")).isEqualTo(ClientRateLimiter.clientOf("2001:db8:1:2:bbbb::7"))
                .isEqualTo("20010db800010002::/64");
        assertThat(ClientRateLimiter.clientOf("2001:db8:1:3::1")).isNotEqualTo(ClientRateLimiter.clientOf("2001:db8:1:2::1"));
        assertThat(ClientRateLimiter.clientOf("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientRateLimiter.clientOf("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientRateLimiter.clientOf(null)).isEqualTo("unknown");
        assertThat(ClientRateLimiter.clientOf("_" + "x".repeat(500))).hasSize(64);
    }
}
