package id.loket.queue;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, valid NIKs for tests. */
public final class Niks {

    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private Niks() {
    }

    /** A woman born 1 July 1990 (day 01 + 40). */
    public static String female1990() {
        return "35" + String.format("%04d", ThreadLocalRandom.current().nextInt(1, 10_000)) + "410790"
                + String.format("%04d", SERIAL.getAndIncrement() % 9999 + 1);
    }
}
