package id.loket.feedback.ratelimit.service;

import io.netty.util.NetUtil;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} requests a minute per client, with a bounded memory.
 *
 * <p>A fixed window per client: the minute starts at the client's first request, the first {@code perMinute}
 * requests in it are let through, the rest refused until it ends (refused requests do not count). Simple to
 * state and to check: the request after the allowance is refused, whatever the timing.
 *
 * <p>The clients are kept in a map of at most {@code maxClients} entries, least recently seen dropped first.
 * A client idle for a minute is back to a full allowance anyway, so dropping it loses nothing while the map
 * holds more than a minute's distinct clients; a flood of more distinct addresses than that cannot be limited
 * per address at all, and then at least cannot exhaust the memory (about 150 bytes an entry).
 */
public final class ClientRateLimiter {

    /** Let through, or refused with the whole seconds until the client's minute ends. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_KEY_LENGTH = 64;

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows;

    /**
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}; a test passes its own)
     */
    public ClientRateLimiter(int perMinute, int maxClients, LongSupplier nanoClock) {
        if (perMinute < 1) throw new IllegalArgumentException("perMinute must be at least 1");
        if (maxClients < 1) throw new IllegalArgumentException("maxClients must be at least 1");
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
        this.windows = new LinkedHashMap<>(16, 0.75f, true) { // access order: the eldest is the least recently seen
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxClients;
            }
        };
    }

    public synchronized Decision acquire(String client) {
        long now = nanoClock.getAsLong();
        Window w = windows.get(client);
        if (w == null || now - w.start >= MINUTE) { // nanoTime values compare by difference
            w = new Window(now);
            windows.put(client, w);
        }
        if (w.count >= perMinute) {
            long left = w.start + MINUTE - now;
            return new Decision(false, Math.max(1, (left + SECOND - 1) / SECOND));
        }
        w.count++;
        return new Decision(true, 0);
    }

    /** How many clients are remembered now (never more than {@code maxClients}). */
    public synchronized int clients() {
        return windows.size();
    }

    /**
     * The key a remote address is limited under: an IPv4 address as it is; an IPv6 address by its /64 prefix,
     * the block one subscriber usually gets (per whole address, one phone could rotate through 2^64 of them).
     */
    public static String clientOf(String address) {
        if (address == null || address.isEmpty()) return "unknown";
        byte[] ip = NetUtil.createByteArrayFromIpAddressString(address);
        if (ip == null) {
            // not an IP address (a forwarded header's obfuscated identifier): bounded, so keys stay small
            return address.length() > MAX_KEY_LENGTH ? address.substring(0, MAX_KEY_LENGTH) : address;
        }
        if (ip.length == 4) return NetUtil.bytesToIpAddress(ip);
        if (isIpv4Mapped(ip)) return NetUtil.bytesToIpAddress(ip, 12, 4);
        return HexFormat.of().formatHex(ip, 0, 8) + "::/64";
    }

    private static boolean isIpv4Mapped(byte[] ip) {
        for (int i = 0; i < 10; i++) if (ip[i] != 0) return false;
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }
}
