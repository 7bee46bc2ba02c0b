#!/usr/bin/env bash
# Start-up to first served evaluation, several runs, for the default JDK and (when present) JDK 25 with an AOT cache.
#   bench/startup.sh [runs per variant, default 3]
# Each run: process start → first 200 from POST /api/v1/evaluations, recording on PostgreSQL. The AOT cache is made by
# one training run (JDK 25: -XX:AOTCacheOutput, written at exit) that serves a few evaluations first.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
PORT=18084
DB=compliance_startup
JDK25=${JDK25:-$(ls -d /usr/lib/jvm/temurin-25-* 2>/dev/null | head -n1)}

pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" postgres >/dev/null
./mvnw -q -B -DskipTests package
WORK=$(mktemp -d)
trap 'pkill -f "server.port=$PORT" 2>/dev/null || true; rm -rf "$WORK"' EXIT
JAR=$(ls target/property-compliance-rules-*.jar | grep -v original | head -n1)
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
JAR="$WORK/app/$(basename "$JAR")"
python3 bench/requests.py ndjson 1 > "$WORK/one.json"
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"

serve() { # java binary + flags → starts the server in the background
  "$@" -Xms512m -Xmx1g -jar "$JAR" --server.port=$PORT --logging.level.root=warn > "$WORK/server.log" 2>&1 &
}
first_evaluation_ms() {
  local start; start=$(date +%s%N)
  serve "$@"
  until curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$WORK/one.json" "http://127.0.0.1:$PORT/api/v1/evaluations"; do
    sleep 0.05
    pgrep -f "server.port=$PORT" >/dev/null || { cat "$WORK/server.log"; exit 1; }
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
stop() {
  pkill -TERM -f "server.port=$PORT" || true
  while pgrep -f "server.port=$PORT" >/dev/null; do sleep 0.2; done
}

variant() { # label, java command…
  local label=$1; shift
  local all=()
  for _ in $(seq 1 "$RUNS"); do all+=("$(first_evaluation_ms "$@")"); stop; done
  echo "$label: startup_to_first_evaluation_ms=${all[*]}"
}

variant "$(java -version 2>&1 | head -n1)" java
if [ -n "$JDK25" ]; then
  # Training run: start, serve a few evaluations, exit — the JVM writes the cache on exit.
  first_evaluation_ms "$JDK25/bin/java" -XX:AOTCacheOutput="$WORK/app.aot" >/dev/null
  for _ in $(seq 1 20); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$WORK/one.json" "http://127.0.0.1:$PORT/api/v1/evaluations"
  done
  stop
  variant "$("$JDK25/bin/java" -version 2>&1 | head -n1) with AOT cache" "$JDK25/bin/java" -XX:AOTCache="$WORK/app.aot"
fi
