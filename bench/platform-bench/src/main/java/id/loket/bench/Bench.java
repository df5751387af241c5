package id.loket.bench;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * The benchmark app bench/run drives: one mode per row of the table, each printing one line that starts with
 * the mode's name followed by {@code key=value} figures. Arguments: {@code mode=<name>} (default append) and
 * the mode's own {@code key=value} settings.
 */
@QuarkusMain
public class Bench implements QuarkusApplication {

    /** The Authorization header value of every request to a service under test (bench/run exports a token it trusts). */
    static String bearer() {
        String b = System.getenv("LOKET_BENCH_BEARER");
        if (b == null || b.isBlank()) throw new IllegalStateException("LOKET_BENCH_BEARER is not set (bench/run sets it)");
        return b;
    }


    /** One benchmark: runs with its arguments and answers the line to print. */
    interface Mode {
        String run(Args args) throws Exception;
    }

    @Inject
    AppendBenchmark append;
    @Inject
    RelayBenchmark relay;
    @Inject
    LatencyBenchmark latency;
    @Inject
    ConsumeBenchmark consume;
    @Inject
    QueueDriver queue;
    @Inject
    HttpRequests http;

    @Override
    public int run(String... argv) throws Exception {
        Args args = new Args(argv);
        String name = args.str("mode", "append");
        Mode mode = switch (name) {
            case "append" -> append;
            case "relay" -> relay::drain;
            case "send-one" -> relay::sendOneAtATime;
            case "latency" -> latency;
            case "consume" -> consume;
            case "callnext" -> queue::callNext;
            case "sse" -> queue::boardStream;
            case "http" -> http;
            default -> null;
        };
        if (mode == null) {
            System.err.println("unknown mode " + name + "; one of append relay send-one latency consume callnext sse http");
            return 2;
        }
        System.out.println(mode.run(args));
        return 0;
    }
}
