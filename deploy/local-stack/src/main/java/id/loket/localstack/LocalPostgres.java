package id.loket.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's PostgreSQL: a real PostgreSQL 15 server (zonky's embedded binaries) whose data directory is kept
 * between runs, with durable settings (fsync, synchronous_commit and full_page_writes on; zonky's defaults are for
 * tests and turn them off). Creates the services' databases if missing, prints the settings it runs with and a
 * {@code READY} line, then blocks until killed; a shutdown hook stops the server cleanly.
 *
 * <p>Usage: {@code LocalPostgres <data-directory> [port]} (port defaults to 5432). User {@code postgres}; the
 * cluster is initialised with trust authentication on localhost (any password is accepted).
 */
public final class LocalPostgres {

    public static final List<String> DATABASES =
            List.of("loket_queue", "loket_membership", "loket_complaint", "loket_feedback");
    public static final int DEFAULT_PORT = 5432;

    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
            System.err.println("usage: LocalPostgres <data-directory> [port]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath().normalize();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_PORT;

        if (!portIsFree(port)) {
            System.err.println("ERROR: port " + port + " on 127.0.0.1 is already in use; PostgreSQL not started");
            System.exit(3);
        }
        Files.createDirectories(dataDir);
        boolean existing = Files.exists(dataDir.resolve("postgresql.conf"));
        Path postmasterPid = dataDir.resolve("postmaster.pid");
        if (Files.exists(postmasterPid)) {
            long pid = readPid(postmasterPid);
            if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                System.err.println("ERROR: a PostgreSQL server (pid " + pid + ") is still running on " + dataDir
                        + "; stop it first (`deploy/loket down`)");
                System.exit(4);
            }
            System.out.println("stale " + postmasterPid + " (pid " + pid + " is not running): PostgreSQL will"
                    + " recover from its write-ahead log");
        }
        System.out.println((existing ? "reusing data directory " : "initialising new data directory ") + dataDir);

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)       // keep (and reuse) the data between runs
                .setRegisterShutdownHook(false)     // our own hook below also waits for the server to exit
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(90))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping PostgreSQL ...");
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("error while stopping PostgreSQL: " + e);
            }
            waitForServerExit(dataDir);
            System.out.println("PostgreSQL stopped");
            stopped.countDown();
        }, "local-postgres-stop"));

        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            Set<String> present = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database")) {
                while (rs.next()) {
                    present.add(rs.getString(1));
                }
            }
            for (String db : DATABASES) {
                if (present.contains(db)) {
                    System.out.println("database " + db + " exists");
                } else {
                    s.execute("CREATE DATABASE " + db);
                    System.out.println("database " + db + " created");
                }
            }
            System.out.println("server_version=" + show(s, "server_version")
                    + " fsync=" + show(s, "fsync")
                    + " synchronous_commit=" + show(s, "synchronous_commit")
                    + " full_page_writes=" + show(s, "full_page_writes")
                    + " max_connections=" + show(s, "max_connections")
                    + " data_directory=" + show(s, "data_directory"));
        }
        System.out.println("READY postgres 127.0.0.1:" + port + " user=postgres url=jdbc:postgresql://127.0.0.1:"
                + port + "/<database>");
        System.out.flush();

        // Block until killed; leave (non-zero) if the server goes away on its own.
        Path pidFile = dataDir.resolve("postmaster.pid");
        while (!stopped.await(2, TimeUnit.SECONDS)) {
            if (!Files.exists(pidFile)) {
                System.err.println("ERROR: the PostgreSQL server stopped (" + pidFile + " is gone)");
                Runtime.getRuntime().halt(1);
            }
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long readPid(Path postmasterPid) {
        try {
            List<String> lines = Files.readAllLines(postmasterPid);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) { // BindException: in use
            return false;
        }
    }

    /** zonky's stop waits 5 s only; a checkpoint at shutdown can take longer, so wait for postmaster.pid to go. */
    private static void waitForServerExit(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (Files.exists(pidFile)) {
            System.err.println("WARNING: PostgreSQL still running after " + STOP_WAIT.toSeconds() + " s");
        }
    }
}
