#!/usr/bin/env bash
# Start-up time to the first answered request, and single-check latency of a warm service (keep-alive, sequential).
# Usage: bench/startup-and-latency.sh   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
start=$(date +%s%N)
DATA=$(mktemp -d)
java -Dquarkus.profile=embedded -DTRACKLANE_DATA_DIR="$DATA" -Dquarkus.http.port="$PORT" -Dtracklane.rate-limit.enabled=false -jar target/quarkus-app/quarkus-run.jar > bench/results/startup.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
deadline=$((SECONDS + 60))
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/v1/eligibility" -H 'Content-Type: application/json' -d @examples/eligibility.json; do
  [ $SECONDS -lt $deadline ] || { echo "service did not answer within 60 s" >&2; exit 1; }
  sleep 0.02
done
end=$(date +%s%N)
echo "start-up to first answered check: $(( (end - start) / 1000000 )) ms"
python3 bench/latency.py "$PORT" examples/eligibility.json | tee bench/results/latency.txt
echo "resident memory: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
