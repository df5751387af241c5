package id.loket.membership;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, valid NIKs for tests (tests use new ids instead of cleaning tables). */
public final class Niks {

    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private Niks() {
    }

    /** A woman born 1 July 1990 (day 01 + 40). */
    public static String female1990() {
        return region() + "410790" + serial();
    }

    /** A man born 15 March 1985. */
    public static String male1985() {
        return region() + "150385" + serial();
    }

    private static String region() {
        return "35" + String.format("%04d", ThreadLocalRandom.current().nextInt(1, 10_000));
    }

    private static String serial() {
        return String.format("%04d", SERIAL.getAndIncrement() % 9999 + 1);
    }
}
