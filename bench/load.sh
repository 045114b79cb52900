#!/usr/bin/env bash
# Load under fire (issue 7): 60 s of wrk at 256 connections on the front page and a story page, against the jar
# with -Xmx256m, while an editor publishes a new story every second over HTTP (session cookie + CSRF token).
# Passes when wrk saw no socket error and no non-2xx/3xx answer, and every acknowledged publish is public after.
# Needs: wrk (apt-get install wrk), curl, Java 17, and `mvn -DskipTests package` done (or it runs it).
# Usage: bench/load.sh [port] [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8147}
SECONDS_TO_RUN=${2:-60}
CONNECTIONS=${3:-256}
JAR=target/broadsheet-0.1.0-SNAPSHOT.jar
WORK=$(mktemp -d /tmp/broadsheet-load.XXXXXX)
BASE=http://localhost:$PORT
PASSWORD=load-test-password-$$
[ -f "$JAR" ] || mvn -q -DskipTests package

BROADSHEET_ADMIN_PASSWORD=$PASSWORD java -Xmx256m -jar "$JAR" --server.port="$PORT" \
    --broadsheet.data-dir="$WORK/data" --broadsheet.weather.provider=none > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null' EXIT
for _ in $(seq 120); do curl -fs "$BASE/actuator/health" > /dev/null && break; sleep 1; done

JAR_COOKIES=$WORK/cookies
token() { grep XSRF-TOKEN "$JAR_COOKIES" | awk '{print $7}'; }
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" > /dev/null
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -w '%{http_code}\n' "$BASE/login" \
    --data-urlencode username=admin --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$(token)" \
    | grep -q 302

STORY=$(curl -s "$BASE/" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2)
cat > "$WORK/pages.lua" <<LUA
local paths = {"/", "$STORY"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % 2) + 1], {["Accept"] = "text/html"})
end
LUA

publish() {
  local i=0
  while [ -f "$WORK/publishing" ]; do
    i=$((i + 1))
    # the CSRF token for the form comes from the cookie; the redirect to the edit page is the acknowledgement
    curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/admin/articles/new" > /dev/null
    local answer
    answer=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -w '%{http_code} %{redirect_url}' \
        "$BASE/admin/articles" --data-urlencode action=publish --data-urlencode "headline=Load story $$ number $i" \
        --data-urlencode "body=Published under load, number $i." --data-urlencode section=Load \
        --data-urlencode tags=Load --data-urlencode version= --data-urlencode slug="load-story-$$-$i" \
        --data-urlencode publishAt= --data-urlencode "_csrf=$(token)")
    case "$answer" in
      "302 "*edit) echo "load-story-$$-$i" >> "$WORK/acknowledged" ;;
      *) echo "publish $i: $answer" >> "$WORK/refused" ;;
    esac
    sleep 1
  done
}
touch "$WORK/publishing" "$WORK/acknowledged" "$WORK/refused"
publish &
PUBLISHER=$!
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --timeout 10s --latency -s "$WORK/pages.lua" "$BASE" | tee "$WORK/wrk.txt"
rm "$WORK/publishing"
wait $PUBLISHER

missing=0
while read -r slug; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/articles/$slug")" = 200 ] || { echo "missing: $slug"; missing=$((missing + 1)); }
done < "$WORK/acknowledged"
errors=$(grep -c 'Socket errors' "$WORK/wrk.txt" || true)
non2xx=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$WORK/wrk.txt" | grep -o '[0-9]*$' || echo 0)
# the access log has one line per request: '... "GET / HTTP/1.1" 200 5435 3ms ...'
server_errors=$(cat "$WORK"/data/logs/access_log* 2>/dev/null | grep -c '" 5[0-9][0-9] ' || true)
echo "publishes acknowledged: $(wc -l < "$WORK/acknowledged"), refused: $(wc -l < "$WORK/refused"), missing after: $missing"
echo "wrk socket-error lines: $errors, non-2xx/3xx: ${non2xx:-0}, 5xx in the access log: $server_errors"
[ "$errors" = 0 ] && [ "$server_errors" = 0 ] && [ "${non2xx:-0}" = 0 ] && [ "$missing" = 0 ] && [ "$(wc -l < "$WORK/refused")" = 0 ] \
    && echo "PASS" || { echo "FAIL (log: $WORK/app.log)"; exit 1; }
