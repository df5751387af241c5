package id.loket.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The PostgreSQL server behind {@link TestPostgres}; exists only in the home class loader (see {@link Home}).
 *
 * <p>Every start, including the first, is zonky's own {@link EmbeddedPostgres.Builder#start()} with a fixed
 * port and data directory and {@code cleanDataDirectory=false}: zonky runs {@code initdb} only when the data
 * directory has no {@code postgresql.conf} yet, and otherwise {@code pg_ctl -w start}s the existing cluster.
 * A stop is zonky's {@link EmbeddedPostgres#close()} ({@code pg_ctl stop -m fast -w}), which keeps the
 * directory. So a restart uses exactly zonky's command lines, including its {@code unshare -U} wrapper when
 * running as root (PostgreSQL refuses to run as root; in a new user namespace the process is the
 * unmapped "nobody" and still owns the root-owned data directory).
 */
final class PgServer {

    private static final boolean DURABLE = Boolean.getBoolean("loket.test.postgres.durable");


    // JUL, not System.Logger: JBoss LogManager's LoggerFinder complains when JUL is not its LogManager
    private static final Logger LOG = Logger.getLogger("id.loket.platform.test.TestPostgres");
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final String LOCK_FILE = "epg-lock";

    private final int port;
    private final Path dataDir;
    private final Path logFile;
    private EmbeddedPostgres postgres;

    private PgServer(int port, Path dataDir, Path logFile) {
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    static PgServer startNew() {
        QuietLogging.apply();
        // Directly under zonky's working directory (/tmp/embedded-pg unless -Dot.epg.working-dir), so that a
        // later zonky start stops and deletes it if this JVM is killed before its shutdown hook runs.
        Path work = Path.of(System.getProperty("ot.epg.working-dir",
                new File(System.getProperty("java.io.tmpdir"), "embedded-pg").getPath()));
        String name = "loket-" + UUID.randomUUID();
        try {
            Files.createDirectories(work);
            removeOrphanLogs(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PgServer server = new PgServer(freePort(), work.resolve(name), work.resolve(name + ".log"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "loket-test-postgres-shutdown"));
        LOG.log(Level.INFO, "Embedded PostgreSQL 15 on 127.0.0.1:{0}, data {1}, log {2}",
                new Object[] {String.valueOf(server.port), server.dataDir, server.logFile});
        return server;
    }

    int port() {
        return port;
    }

    String username() {
        return USER;
    }

    String password() {
        return PASSWORD;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    synchronized boolean running() {
        return postgres != null;
    }

    synchronized void start() {
        if (postgres != null) {
            return;
        }
        // zonky deletes "stale" data directories under its working directory whose lock file is older than
        // ten minutes and not locked -- ours is unlocked while stopped: keep its lock file young.
        touchLockFile();
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    // a benchmark asks for a durable server (-Dloket.test.postgres.durable=true), as in production
                    .setServerConfig("fsync", DURABLE ? "on" : "off")
                    .setServerConfig("synchronous_commit", DURABLE ? "on" : "off")
                    // server and pg_ctl output go to a file, not through the test log
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start on port " + port + "; its log "
                    + logFile + " ends with:\n" + tail(logFile), e);
        }
    }

    synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
            touchLockFile();
        }
        if (portInUse()) {
            throw new IllegalStateException("PostgreSQL still listens on port " + port + " after pg_ctl stop; log "
                    + logFile + " ends with:\n" + tail(logFile));
        }
    }

    synchronized void createDatabase(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("database name is blank");
        }
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is stopped");
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    private void shutdown() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stopping embedded PostgreSQL failed", e);
        }
        deleteRecursively(dataDir);
        deleteRecursively(logFile);
    }

    private boolean portInUse() {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void touchLockFile() {
        Path lock = dataDir.resolve(LOCK_FILE);
        try {
            if (Files.exists(lock)) {
                Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis()));
            }
        } catch (IOException ignored) {
            // only a safeguard
        }
    }

    private static void removeOrphanLogs(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            files.filter(p -> p.getFileName().toString().matches("loket-.*\\.log"))
                    .filter(p -> !Files.isDirectory(work.resolve(p.getFileName().toString().replaceFirst("\\.log$", ""))))
                    .forEach(PgServer::deleteRecursively);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
