#!/usr/bin/env bash
# Console page times on the full rule set (rules/ + policies/ of this checkout): every page of /console, warm, timed
# from outside with curl (time to the last byte, loopback). Not a test: it prints figures, nothing asserts a time.
#   bench/console.sh [requests per page, default 30]
# Starts the packaged service on :18130 with an in-memory H2 database and one console user holding both roles, signs
# in (form + CSRF like a browser), makes a draft with one changed value, checks and submits it (timed: those are
# actions that compile the release and run every case, not pages), then requests each page N times after 3 warm-ups.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-30}
PORT=18130
BASE="http://127.0.0.1:$PORT"
# bcrypt of the password "bench" (cost 10): a throw-away user of a throw-away in-memory instance.
HASH='$2a$10$aB1Afn7RLapZvpsOpnPqNea8BOnbVNO7.HtPK6SvVGaoH8pzlJz3G'
./mvnw -q -B -o -DskipTests package
WORK=$(mktemp -d)
JAR=$(ls target/property-compliance-rules-*.jar | grep -v original | head -n1)
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
java -Xms512m -Xmx1g -jar "$WORK/app/$(basename "$JAR")" --server.port=$PORT --logging.level.root=warn \
  "--spring.datasource.url=jdbc:h2:mem:consolebench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1" \
  "--compliance.console.users[0].name=bench" "--compliance.console.users[0].password-bcrypt=$HASH" \
  "--compliance.console.users[0].roles=OFFICER,REVIEWER" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -sf -o /dev/null "$BASE/api/v1/ping"; do
  sleep 0.2; kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
done
JAR_COOKIES="$WORK/cookies"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n1 | sed 's/.*value="//; s/"$//'; }
TOKEN=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/console/login" | csrf)
curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode username=bench --data-urlencode password=bench \
  --data-urlencode "_csrf=$TOKEN" "$BASE/console/login"
TOKEN=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/console" | csrf)
[ -n "$TOKEN" ] || { echo "sign-in failed"; exit 1; }
post() { # path, form fields… → prints the redirect target
  local path=$1; shift
  local args=(); for f in "$@"; do args+=(--data-urlencode "$f"); done
  curl -s -o /dev/null -w '%{redirect_url}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" "${args[@]}" --data-urlencode "_csrf=$TOKEN" "$BASE$path"
}
timed() { curl -s -o /dev/null -w '%{time_total}' -b "$JAR_COOKIES" "$@"; }
SERVED=$(curl -s -H 'Accept: application/json' "$BASE/api/v1/releases/current" | sed 's/.*"releaseId":"\([^"]*\)".*/\1/')

# A draft with one changed value (白银 多层一星 0.30 → 0.32) and the case that follows it, checked and submitted.
TABLE=rules/gansu/baiyin/parameters/fee-guidance-price.yaml
DRAFT=$(post /console/drafts label=bench "path=$TABLE" | sed 's#.*/console/drafts/\([^/]*\)/edit.*#\1#')
CHANGED=$(awk '/MULTI_STOREY, serviceLevel: 1/ {print; getline; sub(/0\.30/, "0.32"); print; next} {print}' "$TABLE")
start=$(date +%s%N)
curl -s -o /dev/null -b "$JAR_COOKIES" -H 'HX-Request: true' --data-urlencode "path=$TABLE" --data-urlencode "content=$CHANGED" \
  --data-urlencode "_csrf=$TOKEN" "$BASE/console/drafts/$DRAFT/files"
echo "action save-and-check (compile + every case): $(( ($(date +%s%N) - start) / 1000000 )) ms"
start=$(date +%s%N)
RELEASE=$(post "/console/drafts/$DRAFT/submission" | sed 's#.*/console/releases/##')
echo "action submit (cases + review report; compiled by the check): $(( ($(date +%s%N) - start) / 1000000 )) ms"

PAGES=(
  "/console"
  "/console/jurisdictions"
  "/console/jurisdictions/000000"
  "/console/jurisdictions/620402"
  "/console/rules/CN-FEE-ABOVE-GUIDANCE-BAND"
  "/console/clause?ref=price-law%23%E7%AC%AC%E4%B8%89%E6%9D%A1%E7%AC%AC%E5%9B%9B%E6%AC%BE"
  "/console/tables/fee.guidancePrice"
  "/console/tables/fee.guidancePrice?layer=620400"
  "/console/drafts/$DRAFT"
  "/console/drafts/$DRAFT/edit?path=$TABLE"
  "/console/releases/$RELEASE"
  "/console/releases/$SERVED/report"
  "/console/releases/$SERVED/report/cases"
  "/console/releases/$RELEASE/report/rules"
)
printf '%-75s %8s %8s %8s %8s\n' page first_ms p50_ms p95_ms max_ms
measure() { # label, curl args…
  local label=$1; shift
  local first; first=$(timed "$@")
  for _ in 1 2 3; do timed "$@" >/dev/null; done
  local all=(); for _ in $(seq 1 "$N"); do all+=("$(timed "$@")"); done
  printf '%s\n' "${all[@]}" | sort -n | awk -v label="$label" -v first="$first" '{t[NR]=$1*1000} END {
    printf "%-75s %8.1f %8.1f %8.1f %8.1f\n", label, first*1000, t[int((NR+1)/2)], t[int(NR*0.95+0.999)], t[NR] }'
}
for p in "${PAGES[@]}"; do measure "GET ${p:0:71}" "$BASE$p"; done
measure "POST impact panel (htmx)" -H 'HX-Request: true' --data-urlencode "_csrf=$TOKEN" "$BASE/console/releases/$RELEASE/impact"
measure "POST try a request (htmx)" -H 'HX-Request: true' --data-urlencode "_csrf=$TOKEN" --data-urlencode "request={\"region\":\"620402\",\"asOf\":\"2026-11-01\",\"community\":{\"id\":\"B\"},\"fee\":{\"phase\":\"PRELIMINARY\",\"buildingType\":\"MULTI_STOREY\",\"serviceLevel\":1,\"chargedPrice\":0.37}}" "$BASE/console/drafts/$DRAFT/try"
