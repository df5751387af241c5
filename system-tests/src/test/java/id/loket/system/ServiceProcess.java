package id.loket.system;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One component of the system as a real child process: its command line, its environment, its log file
 * (stdout and stderr; a restart appends to it, so the earlier run stays) and how to tell it is ready.
 * {@link #stop()} asks it to shut down (SIGTERM); {@link #kill()} is kill -9; {@link #start()} after either
 * starts it again with the same command, environment and port.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final BooleanSupplier ready;
    private volatile Process process;

    private ServiceProcess(String name, List<String> command, Map<String, String> environment, Path log, int port,
                           BooleanSupplier ready) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.port = port;
        this.ready = ready;
    }

    /** A Quarkus service: ready when {@code GET /q/health/ready} answers 200 with status UP. */
    public static ServiceProcess quarkus(String name, List<String> command, Map<String, String> environment, Path log,
                                         int port) {
        URI health = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        return new ServiceProcess(name, command, environment, log, port, () -> healthUp(health));
    }

    /** A plain server: ready when it accepts connections on its port. */
    public static ServiceProcess listening(String name, List<String> command, Map<String, String> environment,
                                           Path log, int port) {
        return new ServiceProcess(name, command, environment, log, port, () -> FreePorts.accepting(port));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Starts the process (not waiting for it to be ready). */
    public synchronized ServiceProcess start() {
        if (isAlive()) throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        try {
            Files.createDirectories(log.getParent());
            // a new log for the first start (not the previous test run's), appended to by restarts
            Files.writeString(log, "---- " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    process == null ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", command), e);
        }
        return this;
    }

    /**
     * Waits until the process is ready; fails at once, with the end of its log, when it exits, and when it is
     * not ready by {@code timeout}.
     */
    public ServiceProcess awaitReady(Duration timeout) {
        try {
            Awaitility.await(name + " ready")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!isAlive()) {
                            throw new AssertionError(name + " exited (code " + exitCode() + ") before it was ready. "
                                    + tail(40));
                        }
                        return ready.getAsBoolean();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " was not ready within " + timeout + ". " + tail(40), e);
        }
        return this;
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        Process p = process;
        if (p == null) throw new IllegalStateException(name + " was never started");
        return p.pid();
    }

    /** Graceful: SIGTERM, then SIGKILL when it has not exited within {@code grace}. No-op when not running. */
    public void stop(Duration grace) {
        Process p = process;
        if (p == null || !p.isAlive()) return;
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        stop(Duration.ofSeconds(15));
    }

    /** kill -9: no shutdown hooks, no goodbye; waits until the process is gone. */
    public void kill() {
        Process p = process;
        if (p == null || !p.isAlive()) return;
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops (gracefully), starts again and waits until it is ready. */
    public ServiceProcess restart(Duration readyTimeout) {
        stop();
        return start().awaitReady(readyTimeout);
    }

    /** The last {@code lines} lines of the log, with the log's path, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "Last lines of " + log + ":" + System.lineSeparator() + "    "
                    + String.join(System.lineSeparator() + "    ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    private String exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? "?" : Integer.toString(p.exitValue());
    }

    private static boolean healthUp(URI health) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " (" + (isAlive() ? "pid " + process.pid() + ", " : "not running, ") + "port " + port + ")";
    }
}
