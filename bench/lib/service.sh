# Shared helpers for the bench scripts (source it from the repository root).
# start_service PORT LOG [java options...]: starts the packaged service (embedded profile, a fresh H2 directory
# unless TRACKLANE_DB_URL is set) and waits for the first answered eligibility check; sets SVC_PID, SVC_STARTUP_MS.
# The rate limit is off (-Dtracklane.rate-limit.enabled=false): the benchmarks send thousands of checks a second from
# one address and measure the service, not the limiter (docs/operations.md#rate-limits).
# SVC_DATA_DIR keeps the H2 directory (a restart on the same database); JAVA_CMD chooses the java (default: java on the PATH), APP_DIR the packaged app (default target/quarkus-app).
# stop_service: stops it. A trap in each script stops it on any exit.

APP_DIR=${APP_DIR:-target/quarkus-app}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Builds the service jar when it is missing or older than the sources (the floor endpoint must be in it).
ensure_jar() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    echo "[bench] building the service jar ..."
    ./mvnw -B -ntp -q package -DskipTests
  fi
}

ensure_wrk() {
  command -v wrk >/dev/null || { echo "[bench] installing wrk ..."; (apt-get install -y wrk || sudo apt-get install -y wrk) >/dev/null; }
}

SVC_PID=
start_service() {
  local port=$1 log=$2; shift 2
  local data; data=${SVC_DATA_DIR:-$(mktemp -d)}
  local started; started=$(date +%s%N)
  # A generous wait for a database connection: on a loaded machine the first H2 connection can take over 5 s.
  "${JAVA_CMD:-java}" -Dquarkus.datasource.jdbc.acquisition-timeout=60S "$@" -Dquarkus.profile=embedded -DTRACKLANE_DATA_DIR="$data" -Dquarkus.http.port="$port" -Dtracklane.rate-limit.enabled=false \
    -jar "$APP_DIR/quarkus-run.jar" > "$log" 2>&1 &
  SVC_PID=$!
  local deadline=$((SECONDS + 120))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/eligibility" -H 'Content-Type: application/json' -d @examples/eligibility.json; do
    kill -0 "$SVC_PID" 2>/dev/null || { echo "[bench] the service died; see $log" >&2; tail -20 "$log" >&2; return 1; }
    [ $SECONDS -lt $deadline ] || { echo "[bench] the service did not answer within 120 s" >&2; return 1; }
    sleep 0.02
  done
  SVC_STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop_service() {
  if [ -n "$SVC_PID" ]; then
    kill "$SVC_PID" 2>/dev/null || true
    wait "$SVC_PID" 2>/dev/null || true
    SVC_PID=
  fi
}

rss_mib() {
  echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 ))
}
