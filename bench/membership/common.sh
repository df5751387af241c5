# Shared by the membership benchmarks (sourced): JDK, build, a PostgreSQL of their own on port 15433 (another
# than bench/run's 15432) with fsync and synchronous_commit on, and membership-service in prod mode without
# Kafka (the outbox relay is off: events wait in the store, as they do in an outage; publishing is not measured).
# Everything started here is stopped on exit.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="$ROOT/bench/.data/membership"
PG_PORT="${LOKET_BENCH_MEMBERSHIP_PG_PORT:-15433}"
APP_PORT="${LOKET_BENCH_MEMBERSHIP_PORT:-18082}"
RESULTS="$ROOT/bench/results"
mkdir -p "$DATA" "$RESULTS"

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1; }
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && "$(java_major "$JAVA_HOME")" -ge 21 ]]; then :;
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64;
else echo "needs a JDK 21 or newer (set JAVA_HOME)" >&2; exit 1; fi
JAVA="$JAVA_HOME/bin/java"
command -v psql >/dev/null || { echo "needs psql (Debian postgresql-client)" >&2; exit 1; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 1; }
command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }

PIDS=()
cleanup() {
  local i
  for (( i = ${#PIDS[@]} - 1; i >= 0; i-- )); do
    kill "${PIDS[$i]}" 2>/dev/null || true
    wait "${PIDS[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

# Builds membership-service and the local stack's PostgreSQL launcher into their target/ folders (package, no
# install: nothing goes to ~/.m2). Skipped with --no-build when they are there.
build() {
  echo "building membership-service and deploy/local-stack (package, tests skipped) ..."
  (cd "$ROOT" && ./mvnw -B -q -pl membership-service,deploy/local-stack -am package -DskipTests)
}

# A fresh loket_membership database on our own PostgreSQL.
start_postgres() {
  local ls="$ROOT/deploy/local-stack/target" log="$DATA/postgres.log"
  rm -f "$log" # a READY line left from the last run must not count
  "$JAVA" -Xmx128m -cp "$(ls "$ls"/local-stack-*.jar | grep -v sources | head -n1):$ls/pg-libs/*" \
    id.loket.localstack.LocalPostgres "$DATA/postgres" "$PG_PORT" > "$log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do grep -q READY "$log" 2>/dev/null && break; kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$log"; exit 1; }; sleep 0.5; done
  grep -q READY "$log" || { echo "PostgreSQL did not start; see $log" >&2; exit 1; }
  export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER=postgres PGPASSWORD=postgres
  psql -qAt -d postgres -c "DROP DATABASE IF EXISTS loket_membership" -c "CREATE DATABASE loket_membership" >/dev/null
  PG_SETTINGS="$(psql -qAt -d loket_membership -c "SELECT 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit') || ' shared_buffers=' || current_setting('shared_buffers') || ' max_wal_size=' || current_setting('max_wal_size') || ' PostgreSQL ' || current_setting('server_version')")"
}

# Bearer tokens: the service verifies tokens as deployed, but of a key pair this run made (bench/token.sh, shared
# with bench/run; kept in bench/.data, not in the repository) instead of the identity provider's.
. "$ROOT/bench/token.sh"

# membership-service as deployed (prod profile), on its own port, trusting the bench's token key (the issuer URL is
# cleared: with a public key and no issuer to discover, quarkus-oidc verifies locally, as the tests do).
start_membership() {
  local log="$DATA/membership.log"
  bench_keys "$DATA/keys" || exit 1
  ADMIN_TOKEN="$(bench_token bench-admin - ADMIN)"
  QUARKUS_HTTP_PORT="$APP_PORT" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/loket_membership" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 LOKET_RELAY_ENABLED=false \
  LOKET_PRIVACY_NIK_HMAC_KEY=bench-only-nik-key MEMBERSHIP_DEMO_DATA=false \
  QUARKUS_OIDC_PUBLIC_KEY="$BENCH_OIDC_PUBLIC_KEY" QUARKUS_OIDC_TOKEN_ISSUER="$BENCH_OIDC_ISSUER" \
    "$JAVA" -Xmx${LOKET_BENCH_MEMBERSHIP_HEAP:-512m} ${LOKET_BENCH_JAVA_OPTS:-} -jar "$ROOT/membership-service/target/quarkus-app/quarkus-run.jar" > "$log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/q/health/ready")" == 200 ]] && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -n 40 "$log"; exit 1; }
    sleep 0.5
  done
  echo "membership-service did not become ready; see $log" >&2
  exit 1
}

# Generates (once per size; kept in bench/.data) an NDJSON file of n participants; prints its path.
participants_file() {
  local n="$1" f="$DATA/participants-$1.ndjson"
  if [[ ! -s "$f" ]]; then
    "$JAVA" "$ROOT/bench/membership/GenerateParticipants.java" "$n" "$f.tmp" && mv "$f.tmp" "$f"
  fi
  printf '%s\n' "$f"
}

# CPU seconds used so far by a process and its children (PostgreSQL: the postmaster, its backends and workers).
cpu_seconds() {
  local pid="$1" total=0 p ticks
  ticks=$(getconf CLK_TCK)
  for p in "$pid" $(pgrep -P "$pid" 2>/dev/null); do
    [[ -r /proc/$p/stat ]] || continue
    total=$(( total + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  awk -v t="$total" -v hz="$ticks" 'BEGIN { printf "%.1f", t / hz }'
}
postmaster_pid() { head -n1 "$DATA/postgres/postmaster.pid"; }
app_pid() { printf '%s\n' "${PIDS[-1]}"; }

machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA" -version 2>&1 | head -n1)"
  echo "postgres: $PG_SETTINGS"
}
