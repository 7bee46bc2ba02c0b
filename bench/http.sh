#!/usr/bin/env bash
# HTTP benchmarks against a running instance recording to PostgreSQL (run from anywhere; needs wrk, curl, python3).
#   bench/http.sh [seconds per wrk run, default 20] [connections, default 32]
#   BATCH_SIZES="10000" bench/http.sh …  limits the batch runs (default: 10000 1000000)
# Prints: start-up to first served evaluation, the ping ceiling and single evaluations (requests/s, p50, p99,
# ratio), and batch throughput with server memory for 10k and 1M lines.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-32}
PORT=18080
DB=compliance_bench
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" postgres >/dev/null

./mvnw -q -B -DskipTests package
JAR=$(ls target/property-compliance-rules-*.jar | grep -v original | head -n1)
WORK=$(mktemp -d)
# Run it as in production: the extracted layout starts ~2 s faster than the nested fat jar.
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
JAR="$WORK/app/$(basename "$JAR")"
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

# Start-up to first served evaluation (process start → first 200 from POST /api/v1/evaluations).
python3 bench/requests.py ndjson 1 > "$WORK/one.json"
START=$(date +%s%N)
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres&reWriteBatchedInserts=true" \
  java -Xms512m -Xmx1g -jar "$JAR" --server.port=$PORT --logging.level.root=warn > "$WORK/server.log" 2>&1 &
SERVER=$!
until curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$WORK/one.json" "$BASE/api/v1/evaluations"; do
  sleep 0.05
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
done
STARTUP_MS=$(( ($(date +%s%N) - START) / 1000000 ))
echo "startup_to_first_evaluation_ms=$STARTUP_MS"

summary() { # wrk output → "rps p50 p99"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print rps, p50, p99}'
}
python3 bench/requests.py lua > "$WORK/mix.lua"
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/api/v1/ping" >/dev/null                       # warm both paths
# The JIT needs about a minute of load on 2 cores before the evaluation path settles (compile threads busy).
wrk -t2 -c"$CONNECTIONS" -d60s -s "$WORK/mix.lua" "$BASE/api/v1/evaluations" >/dev/null
read -r PING_RPS PING_P50 PING_P99 < <(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/api/v1/ping" | summary)
BEFORE=$(psql -h 127.0.0.1 -U postgres -tAc "select count(*) from decision" $DB)
read -r EVAL_RPS EVAL_P50 EVAL_P99 < <(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/mix.lua" "$BASE/api/v1/evaluations" | summary)
AFTER=$(psql -h 127.0.0.1 -U postgres -tAc "select count(*) from decision" $DB)
echo "ping: rps=$PING_RPS p50=$PING_P50 p99=$PING_P99"
echo "evaluations (recorded on PostgreSQL): rps=$EVAL_RPS p50=$EVAL_P50 p99=$EVAL_P99 recorded=$((AFTER - BEFORE))"
python3 -c "print('ratio_evaluations_to_ping=%.2f' % ($EVAL_RPS / $PING_RPS))"

# Batch: N lines streamed in (chunked) and out; server RSS sampled while it runs.
batch() {
  local n=$1 rss_file="$WORK/rss.$1" t0 t1 lines
  ( while kill -0 $SERVER 2>/dev/null; do ps -o rss= -p $SERVER; sleep 0.5; done ) > "$rss_file" &
  local sampler=$!
  t0=$(date +%s%N)
  lines=$(python3 bench/requests.py ndjson "$n" | curl -sS -X POST -T - -H 'Content-Type: application/x-ndjson' \
            "$BASE/api/v1/evaluations/batch" | grep -c '"status":200')
  t1=$(date +%s%N)
  kill $sampler 2>/dev/null || true
  local secs rate max_rss
  secs=$(python3 -c "print('%.2f' % (($t1 - $t0) / 1e9))")
  rate=$(python3 -c "print('%.0f' % ($n / (($t1 - $t0) / 1e9)))")
  max_rss=$(sort -n "$rss_file" | tail -n1)
  echo "batch n=$n ok_lines=$lines seconds=$secs communities_per_s=$rate server_max_rss_mb=$((max_rss / 1024))"
}
batch 20000   # warm-up of the batch path
for n in ${BATCH_SIZES:-10000 1000000}; do batch "$n"; done
echo "decisions_recorded_total=$(psql -h 127.0.0.1 -U postgres -tAc 'select count(*) from decision' $DB)"
