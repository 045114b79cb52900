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
# The CSRF token as the page's form carries it (masked per page, as Spring Security hands it out).
token_of() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4; }
LOGIN_TOKEN=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | token_of)
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -w '%{http_code}\n' "$BASE/login" \
    --data-urlencode username=admin --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$LOGIN_TOKEN" \
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
    # the CSRF token comes from the form's page; the redirect to the edit page is the acknowledgement
    local form_token
    form_token=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/admin/articles/new" | token_of)
    local answer
    answer=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -w '%{http_code} %{redirect_url}' \
        "$BASE/admin/articles" --data-urlencode action=publish --data-urlencode "headline=Load story $$ number $i" \
        --data-urlencode "body=Published under load, number $i." --data-urlencode section=Load \
        --data-urlencode tags=Load --data-urlencode version= --data-urlencode slug="load-story-$$-$i" \
        --data-urlencode publishAt= --data-urlencode "_csrf=$form_token")
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
# "Socket errors: connect 0, read 0, write 0, timeout 1" -> 1
errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$WORK/wrk.txt")
errors=${errors:-0}
non2xx=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$WORK/wrk.txt" | grep -o '[0-9]*$' || echo 0)
# the access log has one line per request: '... "GET / HTTP/1.1" 200 5435 3ms ...'
server_errors=$(cat "$WORK"/data/logs/access_log* 2>/dev/null | grep -c '" 5[0-9][0-9] ' || true)
echo "publishes acknowledged: $(wc -l < "$WORK/acknowledged"), refused: $(wc -l < "$WORK/refused"), missing after: $missing"
echo "wrk socket errors: $errors, non-2xx/3xx: ${non2xx:-0}, 5xx in the access log: $server_errors"
[ "$errors" = 0 ] && [ "$server_errors" = 0 ] && [ "${non2xx:-0}" = 0 ] && [ "$missing" = 0 ] && [ "$(wc -l < "$WORK/refused")" = 0 ] \
    && echo "PASS" || { echo "FAIL (log: $WORK/app.log)"; exit 1; }
exit 0
