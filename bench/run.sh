#!/usr/bin/env bash
# Broadsheet's benchmark: see "Performance" in the README.
#
#   bench/run.sh                 # N = 1,000 and 1,000,000 generated stories
#   bench/run.sh 1000            # only N = 1,000
#
# Environment: DURATION (wrk seconds per measurement, default 15), WARMUP_SEARCH (seconds of searches with
# different words before measuring, default 180), PORT (default 8151), NGINX_PORT (8152), NGINX_LOGGING_PORT (8154:
# nginx again, with its access log), PORT_LARGE (8153: the largest archive's site in the comparison of sizes, run when
# more than one size is measured),
# BENCH_DIR (default target/bench: generated archives, logs and results), SKIP_BUILD=1 (use the jar as built),
# REGENERATE=1 (write the archives again even if BENCH_DIR has them), JVM_OPTIONS (default below), CDS=0 (start
# without the class-data archive or AOT cache), AOT=0 (measure a plain start, not the ahead-of-time one the image
# uses), RUNTIME_JAVA_HOME (the JDK the site runs on, as the image's runtime: default a Java 25 under /usr/lib/jvm
# when there is one, else the default java; the jar is built by Maven's JDK either way).
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 1000000)
DURATION=${DURATION:-15}
WARMUP_SEARCH=${WARMUP_SEARCH:-180}
PORT=${PORT:-8151}
NGINX_PORT=${NGINX_PORT:-8152}
NGINX_LOGGING_PORT=${NGINX_LOGGING_PORT:-8154}
PORT_LARGE=${PORT_LARGE:-8153}
BENCH_DIR=$(mkdir -p "${BENCH_DIR:-target/bench}" && cd "${BENCH_DIR:-target/bench}" && pwd)
JAR=target/broadsheet-0.1.0-SNAPSHOT.jar
ARTICLE=/articles/taliban-overtakes-3-more-major-cities-in-afghanistan-in-push-toward-kabul
PAGES=("article $ARTICLE" "front /" "section /sections/world" "search /search?q=taliban+kandahar" "rss /feed.xml")
APP_PID=
APP_PID_LARGE=
NGINX_DIR=

stop_all() {
    if [ -n "$APP_PID_LARGE" ] && kill -0 "$APP_PID_LARGE" 2>/dev/null; then
        kill "$APP_PID_LARGE" 2>/dev/null || true
        wait "$APP_PID_LARGE" 2>/dev/null || true
    fi
    APP_PID_LARGE=
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
    rm -rf "$BENCH_DIR"/access-logs-*
    if [ -n "$NGINX_DIR" ] && [ -f "$NGINX_DIR/nginx.pid" ]; then
        kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
        sleep 0.5
    fi
    [ -z "$NGINX_DIR" ] || rm -rf "$NGINX_DIR"
    NGINX_DIR=
}
trap stop_all EXIT
trap 'exit 130' INT TERM

need() {
    local missing=()
    for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing ${missing[*]} from Debian's packages"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}
need wrk nginx curl
[ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx || NGINX=$(command -v nginx)

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
    echo "Building the jar"
    # Without "clean" (the archives live in target/bench), so the compiled classes and resources are dropped by
    # hand: a file deleted from src/ but left in target/classes (once a migration) would otherwise ship in the jar.
    rm -rf target/classes
    mvn -q -DskipTests package
fi

millis() { date +%s%3N; }

# The runtime: the image's (Java 25), found as the integration tests find it (RuntimeJava), or the default java.
java_major() { "$1" -version 2>&1 | awk -F'"' 'NR == 1 { split($2, v, "."); print v[1] }'; }
if [ -n "${RUNTIME_JAVA_HOME:-}" ]; then
    JAVA=$RUNTIME_JAVA_HOME/bin/java
else
    JAVA=$(command -v java)
    for candidate in /usr/lib/jvm/*/bin/java; do
        [ -x "$candidate" ] || continue
        if [ "$(java_major "$candidate")" -ge 25 ] && [ "$(java_major "$candidate")" -gt "$(java_major "$JAVA")" ]; then
            JAVA=$candidate
        fi
    done
fi
if [ "$(java_major "$JAVA")" -ge 25 ]; then
    # -XX:AOTMode=on: a start that cannot use the cache fails instead of being measured slow. RUNTIME_OPTIONS are
    # the Dockerfile's (Lucene's native calls and Tomcat's Unsafe allowed, else Java 25 warns of them), given to the
    # training and every start alike: the cache records them and is refused by a start with other module options.
    ARCHIVE=app.aot ARCHIVE_KIND="AOT cache" ARCHIVE_WRITE=-XX:AOTCacheOutput=app.aot
    ARCHIVE_USE="-XX:AOTCache=$BENCH_DIR/app/app.aot -XX:AOTMode=on -Xlog:aot=off -Xlog:cds=off"
    RUNTIME_OPTIONS="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
else
    ARCHIVE=app.jsa ARCHIVE_KIND="class-data archive" ARCHIVE_WRITE=-XX:ArchiveClassesAtExit=app.jsa
    ARCHIVE_USE="-XX:SharedArchiveFile=$BENCH_DIR/app/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
    RUNTIME_OPTIONS=
fi
echo "Runtime: $JAVA ($("$JAVA" -version 2>&1 | head -1)), $ARCHIVE_KIND"
# The JVM options the README recommends for a small machine (the Dockerfile uses the same), plus an archive made
# once per build by a training start that reads its own reader pages and stops (--broadsheet.training-run=true):
# on Java 25 an AOT cache (classes loaded and linked, method profiles), on Java 17 a class-data archive (classes
# loaded): it spares the JVM loading and verifying some 25,000 classes at each start.
JVM_OPTIONS=${JVM_OPTIONS:--Xmx256m -Xms128m -Xss512k -XX:+UseSerialGC -XX:SurvivorRatio=4 -XX:ReservedCodeCacheSize=64m -XX:MetaspaceSize=64m -XX:MaxMetaspaceSize=192m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000}
# the jar's ahead-of-time bean definitions, as the container image starts it (AOT=0: a plain start)
AOT_OPTION=()
[ "${AOT:-1}" = 0 ] || AOT_OPTION=(-Dspring.aot.enabled=true)
# glibc's malloc keeps an arena per thread by default: two are plenty and hold much less memory.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
APP_DIR="$BENCH_DIR/app"
APP_JAR="$APP_DIR/$(basename "$JAR")"

class_data_archive() {
    if [ "${CDS:-1}" != 1 ]; then
        return
    fi
    if [ ! -f "$APP_DIR/$ARCHIVE" ] || [ "$JAR" -nt "$APP_DIR/$ARCHIVE" ]; then
        echo "Making the $ARCHIVE_KIND (a training start on an empty data folder)"
        rm -rf "$APP_DIR" && "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >/dev/null
        local training
        training=$(mktemp -d)
        # shellcheck disable=SC2086
        (cd "$APP_DIR" && "$JAVA" $RUNTIME_OPTIONS "${AOT_OPTION[@]}" "$ARCHIVE_WRITE" -jar "$APP_JAR" \
            --broadsheet.training-run=true --broadsheet.data-dir="$training" --server.port=0 --broadsheet.scheduling.enabled=false \
            --broadsheet.weather.provider=none >"$BENCH_DIR/cds-training.log" 2>&1) || true
        rm -rf "$training"
    fi
}

# start_app DATA_DIR LOG [OPTIONS...]: starts Broadsheet on PORT and waits for its first 200 on /; with START_AOT=1
# in ahead-of-time mode (the benchmark's own switches, such as SQL counting, need a plain start)
start_app() {
    local dir=$1 log=$2
    shift 2
    local jar=$JAR cds=() aot=()
    [ "${START_AOT:-0}" != 1 ] || aot=("${AOT_OPTION[@]}")
    if [ -f "$APP_DIR/$ARCHIVE" ] && [ "${CDS:-1}" = 1 ]; then
        jar=$APP_JAR
        # shellcheck disable=SC2206
        cds=($ARCHIVE_USE)
    fi
    # The access log stays on (it is part of a request's cost), written outside the archive and emptied at each
    # start: in the archive's own logs folder, a full run's millions of requests added gigabytes to it each time.
    local access_logs="$BENCH_DIR/access-logs-$PORT"
    rm -rf "$access_logs"
    # shellcheck disable=SC2086
    "$JAVA" $JVM_OPTIONS $RUNTIME_OPTIONS "${aot[@]}" "${cds[@]}" -jar "$jar" --server.port="$PORT" --broadsheet.data-dir="$dir" \
        --server.tomcat.accesslog.directory="$access_logs" \
        --broadsheet.weather.provider=none --broadsheet.scheduling.enabled=false \
        --broadsheet.search.initial-indexing=off "$@" >"$log" 2>&1 &
    APP_PID=$!
    until front_page_ok "$PORT"; do
        kill -0 "$APP_PID" 2>/dev/null || { echo "Broadsheet did not start: see $log"; tail -20 "$log"; exit 1; }
        read -r -t 0.05 -u "$PAUSE" || true
    done
}

# front_page_ok PORT: asks GET / once and succeeds on a 200, with bash's own /dev/tcp until a connection is taken.
# The wait for a start asks every 50 ms, and a curl each time (a process, with its TLS library's set-up) took some
# 22 ms of CPU: about 0.7 s of a 2-core machine's time during a start, which the start's own figure then counted.
front_page_ok() {
    local web status=""
    { exec {web}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
    printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" >&"$web"
    read -r -t 30 -u "$web" _ status _ || true
    # the rest of the page, as curl read it (bash's read takes a socket one byte at a time: 100 ms for 40 KB)
    timeout 30 cat <&"$web" >/dev/null || true
    exec {web}>&-
    [ "$status" = 200 ]
}
# a pipe nobody writes to: reading it with a timeout is a pause without starting a process for sleep
exec {PAUSE}<> <(:)

# "1.23ms" / "850.00us" / "1.02s" -> milliseconds
to_ms() {
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# wrk URL CONNECTIONS [LUA_SCRIPT] [HEADER] -> "rps p50ms p99ms errors non2xx"
measure() {
    local out script=() header=()
    [ -z "${3:-}" ] || script=(-s "$3")
    [ -z "${4:-}" ] || header=(-H "$4")
    out=$(wrk -t2 -c"$2" -d"${DURATION}s" --latency "${script[@]}" "${header[@]}" "$1")
    local rps p50 p99 errors non2xx
    rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
    non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
    echo "$rps $p50 $p99 ${errors:-0} ${non2xx:-0}"
}

# drain [PID]: waits (at most 30 s) until Broadsheet has finished the requests a row left queued: at 64 connections
# the varied searches overload it, and what wrk gave up on is still being answered when the next row starts.
drain() {
    local pid=${1:-$APP_PID} before after
    for _ in $(seq 30); do
        before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
        sleep 1
        after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
        [ $((after - before)) -gt 10 ] || return 0
    done
}

# index_up_to_date DATA_DIR: a start that rebuilds the search index if it does not hold every story (the index of
# an archive generated by an earlier build may be of an earlier layout, which the site deletes), then stops.
index_up_to_date() {
    local dir=$1 log="$1/index-check.log"
    "$JAVA" -Xmx512m -jar "$JAR" --server.port="$PORT" --broadsheet.data-dir="$dir" \
        --broadsheet.scheduling.enabled=false --broadsheet.weather.provider=none \
        --broadsheet.search.initial-indexing=wait >"$log" 2>&1 &
    APP_PID=$!
    until grep -qE 'Search index (holds all|rebuilt)' "$log"; do
        kill -0 "$APP_PID" 2>/dev/null || { echo "Broadsheet did not start: see $log"; tail -20 "$log"; exit 1; }
        sleep 1
    done
    grep -E 'Search index (holds|rebuilt)|earlier layout' "$log" | sed 's/.* : /  /'
    stop_all
}

# generator_sources: a digest of the generator's sources. An archive is reused only if the same sources wrote it:
# one written before a change to the made-up text (such as how names are spread) would measure other searches.
generator_sources() {
    cat src/main/java/io/broadsheet/speed/ArchiveGenerator.java src/main/java/io/broadsheet/speed/NewsText.java \
        | sha1sum | cut -c1-12
}

generate() {
    local n=$1 dir=$2
    if [ -f "$dir/generated" ] && [ -f "$dir/bench-queries.txt" ] && [ "${REGENERATE:-0}" != 1 ] \
        && [ "$(cat "$dir/generated-by" 2>/dev/null)" = "$(generator_sources)" ]; then
        echo "Using the archive of $n stories already generated in $dir"
        index_up_to_date "$dir"
        return
    fi
    [ ! -d "$dir" ] || echo "The archive in $dir was written by other generator sources: generating it again"
    rm -rf "$dir" && mkdir -p "$dir"
    echo "Generating $n stories into $dir (and building their search index)"
    local start=$(millis)
    "$JAVA" -Xmx512m -jar "$JAR" --broadsheet.generate="$n" --server.port=-1 --broadsheet.data-dir="$dir" \
        --broadsheet.scheduling.enabled=false --broadsheet.weather.provider=none \
        --broadsheet.search.initial-indexing=off >"$dir/generate.log" 2>&1
    echo "$(( $(millis) - start ))" >"$dir/generated"
    generator_sources >"$dir/generated-by"
    grep -E 'Generated [0-9]+ stories in|Search index built' "$dir/generate.log" | sed 's/.*: /  /'
}

# varied_search_script FILE < queries (one a line, words joined by +): a wrk script asking /search?q= for them in
# turn, each wrk thread from its own random place. Each address also carries a count (&n=, a parameter the site
# ignores), so that no two requests of a run are the same address and none is replayed whole (PageSnapshots). Each
# query's letters are also in a random case each time: the search is the same (the index's words are lower case),
# but the page shows the query as typed, so its ETag differs and it is rendered anew, as a search nobody asked
# before is. (With the list's 2,000 queries alone, each came back every few seconds, and from its third time its
# page was written from the rendered pages kept by ETag, without rendering: bench/HISTORY.md, 4 December, night.)
varied_search_script() {
    {
        echo 'local threads = 0'
        echo 'function setup(thread) threads = threads + 1; thread:set("id", threads) end'
        echo 'function init(args) math.randomseed(os.time() * 1000 + id); pos = math.random(#queries); sent = 0 end'
        echo "queries = {"
        sed 's/.*/"&",/'
        echo "}"
        echo 'local function anyCase(c) if math.random(2) == 1 then return c:upper() end return c:lower() end'
        echo 'request = function()'
        echo '    pos = pos % #queries + 1; sent = sent + 1'
        echo '    local q = queries[pos]:gsub("%a", anyCase)'
        echo '    return wrk.format("GET", "/search?q=" .. q .. "&n=" .. id .. "-" .. sent .. "-" .. os.time())'
        echo 'end'
    } >"$1"
}

# Seconds (as curl gives them) in milliseconds, one decimal.
ms() {
    awk -v t="$1" 'BEGIN { printf "%.1f", t * 1000 }'
}

run_size() {
    local n=$1
    local dir="$BENCH_DIR/archive-$n" results="$BENCH_DIR/results-$n.md" log="$BENCH_DIR/app-$n.log"
    generate "$n" "$dir"

    # First start: count the SQL statements of each page view (JDBC counting, one log line per request) and time
    # each page's first, uncached view. Counting costs a little on every request, so the load runs on a second start.
    local base="http://127.0.0.1:$PORT"
    start_app "$dir" "$log.sql" --broadsheet.bench.count-sql=true --broadsheet.bench.log-sql=true \
        --spring.jpa.properties.hibernate.generate_statistics=true \
        --logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=warn
    local cold=""
    for page in "${PAGES[@]}"; do
        local name=${page%% *} path=${page#* }
        local first again
        first=$(curl -s -o /dev/null -w '%{time_total}' "$base$path")
        again=$(curl -s -o /dev/null -w '%{time_total}' "$base$path")
        cold+="| $name | $(ms "$first") | $(ms "$again") |"$'\n'
    done
    curl -s -o /dev/null -H "If-None-Match: $(curl -sI "$base$ARTICLE" | awk -F': ' 'tolower($1) == "etag" { print $2 }' | tr -d '\r')" "$base$ARTICLE"
    sleep 0.5
    local sql
    sql=$(grep -o 'sql-statements GET .*' "$log.sql" | sed -E 's/sql-statements GET ([^ ]*) status=([0-9]+) jdbc=([0-9]+) hibernate=([0-9a-z]+)/| `\1` | \2 | \3 | \4 |/')
    # First views of 100 different stories from the sitemap, one at a time (each its own related news and rendering):
    # the seeded story's first view above is the cold JVM's first page, and says little about a story's first view,
    # which every story's next view is after any change.
    # On the way, the sitemaps a crawler reads: /sitemap.xml twice (kept after the first) and, where it is an index,
    # its first article sitemap, then the same file asked again with its ETag (a 304, the file not written).
    local map stories sitemaps tmp="$BENCH_DIR/sitemap-$n.xml" first again child etag conditional
    first=$(curl -s -o "$tmp" -w '%{time_total}' "$base/sitemap.xml")
    again=$(curl -s -o /dev/null -w '%{time_total}' "$base/sitemap.xml")
    sitemaps="\`/sitemap.xml\` $(ms "$first") ms, again $(ms "$again") ms"
    map=$(cat "$tmp")
    if grep -q '<sitemapindex' <<<"$map"; then
        child=$(grep -o '/sitemaps/articles-[0-9]*\.xml' <<<"$map" | head -1)
        first=$(curl -s -D "$tmp.headers" -o "$tmp" -w '%{time_total}' "$base$child")
        map=$(cat "$tmp")
        etag=$(awk -F': ' 'tolower($1) == "etag" { print $2 }' "$tmp.headers" | tr -d '\r')
        conditional=$(curl -s -o /dev/null -w '%{time_total} %{http_code}' -H "If-None-Match: $etag" "$base$child")
        sitemaps+="; \`$child\` ($(( $(wc -c <"$tmp") / 1024 )) KB) $(ms "$first") ms, asked again with its ETag"
        sitemaps+=" $(ms "${conditional% *}") ms (${conditional#* })"
    fi
    rm -f "$tmp" "$tmp.headers"
    stories=$(grep -o '/articles/[^<]*' <<<"$map" | grep -vxF "$ARTICLE" | tail -100 | while read -r path; do
        curl -s -o /dev/null -w '%{time_total}\n' "$base$path"
    done | sort -n | awk '{ t[NR] = $1 * 1000 } END { if (NR) printf "%d different stories, one at a time: median %.1f ms, p90 %.1f ms, the slowest %.1f ms", NR, t[int((NR + 1) / 2)], t[int(NR * 0.9)], t[NR] }')
    echo "  first views of ${stories:-no stories}"
    stop_all

    # Three starts, the last one kept for the load: on 2 cores one start can differ from the next by a fifth, so
    # the figure reported is their median.
    local gauge
    gauge=$(machine_gauge)
    echo "  the machine before the starts: $gauge"
    echo "Starting Broadsheet on $n stories ($JVM_OPTIONS ${AOT_OPTION[*]})"
    local starts=() start
    for turn in 1 2 3; do
        [ "$turn" = 1 ] || stop_all
        start=$(millis)
        # the collections of the start kept for the load, for the summary below
        rm -f "$BENCH_DIR/gc-$n.log"
        START_AOT=1 JAVA_TOOL_OPTIONS="-Xlog:gc:file=$BENCH_DIR/gc-$n.log:uptime" start_app "$dir" "$log"
        starts+=($(( $(millis) - start )))
        echo "  start $turn: first 200 on / after ${starts[-1]} ms"
    done
    local started
    started=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
    local start_list="${starts[*]}"
    echo "  first 200 on / after ${started} ms (median of ${start_list// /, } ms)"

    local page_file="$BENCH_DIR/article.html"
    curl -s -o "$page_file" "$base$ARTICLE"

    declare -A rate
    local rows=""
    # Searches with different words each time (nothing answered from a kept page, nor rendered from one): the cost
    # of a search itself. "a reader's words": the generator's list of words from its stories (names and words that
    # belong together, as a reader types them to find a story); "two common words": any two of the seeded report's
    # longer words, which nearly every generated story contains (the worst case: most of the archive matches).
    local readers="$BENCH_DIR/search-readers-words.lua" common="$BENCH_DIR/search-common-words.lua"
    varied_search_script "$readers" < <(sed 's/ /+/g' "$dir/bench-queries.txt")
    varied_search_script "$common" < <(tr -cs '[:alpha:]' '\n' <src/main/resources/seed/afghanistan-report.txt \
        | tr '[:upper:]' '[:lower:]' | awk 'length($0) >= 5' | sort -u | head -300 \
        | awk '{ w[NR] = $0 } END { srand(8); for (i = 0; i < 2000; i++) print w[int(rand() * NR) + 1] "+" w[int(rand() * NR) + 1] }')
    # The JIT needs load on 2 cores before the hot paths are compiled: tens of seconds for each page, minutes for
    # searches with different words, which run code no page does (Lucene's scoring, the snippets, the database
    # check, rendering): on a fresh start at 1,000 stories, a reader's words went from 80 to 480 requests/s in
    # 15 s windows over three minutes. WARMUP_SEARCH seconds of them (two thirds a reader's words).
    echo "Warming up"
    for page in "${PAGES[@]}"; do
        wrk -t2 -c64 -d10s "$base${page#* }" >/dev/null
    done
    wrk -t2 -c8 -d$((WARMUP_SEARCH * 2 / 3))s -s "$readers" "$base/search" >/dev/null
    wrk -t2 -c8 -d$((WARMUP_SEARCH / 3))s -s "$common" "$base/search" >/dev/null

    for script in "a reader's words|$readers" "two common words|$common"; do
        for c in 8 64; do
            read -r rps p50 p99 errors non2xx < <(measure "$base/search" "$c" "${script#*|}")
            rows+="| search, ${script%%|*}, different each time | $c | $rps | $p50 | $p99 | $errors | $non2xx |"$'\n'
            echo "  search (${script%%|*}) c=$c: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors, non-2xx $non2xx"
            drain
        done
    done
    for page in "${PAGES[@]}"; do
        local name=${page%% *} path=${page#* }
        for c in 8 64; do
            read -r rps p50 p99 errors non2xx < <(measure "$base$path" "$c")
            rate[$name-$c]=$rps
            rows+="| $name | $c | $rps | $p50 | $p99 | $errors | $non2xx |"$'\n'
            echo "  $name c=$c: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors, non-2xx $non2xx"
            drain
        done
    done
    # As browsers ask for it: compressed (the rows above and nginx's are not, to compare the same bytes).
    for c in 8 64; do
        read -r rps p50 p99 errors non2xx < <(measure "$base$ARTICLE" "$c" "" "Accept-Encoding: gzip")
        rows+="| article, Accept-Encoding: gzip | $c | $rps | $p50 | $p99 | $errors | $non2xx |"$'\n'
        echo "  article (gzip) c=$c: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors, non-2xx $non2xx"
        drain
    done
    local rss
    rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")
    echo "  resident memory after the load: ${rss} MB"
    local collections
    collections=$(gc_summary "$n" "$BENCH_DIR/gc-$n.log")
    echo "  collections from the start to the end of the load: ${collections#- }"

    # nginx beside the (now idle) site, measured in turns with the article page: this machine's speed drifts by a
    # fifth from one minute to the next, and measuring nginx once, after the site, made the share swing with it.
    echo "nginx serving the same article page ($(wc -c <"$page_file") bytes) from a file, in turns with the site's"
    NGINX_DIR=$(mktemp -d)
    chmod 755 "$NGINX_DIR"
    cp "$page_file" "$NGINX_DIR/article.html"
    chmod 644 "$NGINX_DIR/article.html"
    cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    client_body_temp_path $NGINX_DIR;
    proxy_temp_path $NGINX_DIR;
    fastcgi_temp_path $NGINX_DIR;
    uwsgi_temp_path $NGINX_DIR;
    scgi_temp_path $NGINX_DIR;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $NGINX_DIR;
    }
    # The same file again, logging each request as Broadsheet does (its access log is on, by default and here):
    # one line per request in nginx's combined format, as Debian's own nginx.conf has it.
    server {
        listen 127.0.0.1:$NGINX_LOGGING_PORT;
        root $NGINX_DIR;
        access_log $NGINX_DIR/access.log combined;
    }
}
CONF
    "$NGINX" -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" -e "$NGINX_DIR/error.log"
    sleep 0.5
    wrk -t2 -c16 -d5s "http://127.0.0.1:$NGINX_PORT/article.html" >/dev/null
    local nginx_rows=""
    for c in 8 64; do
        local turns=()
        for turn in 1 2 3; do
            read -r rps p50 p99 errors non2xx < <(measure "$base$ARTICLE" "$c")
            turns+=("$rps article $p50 $p99 $errors $non2xx")
            read -r rps p50 p99 errors non2xx < <(measure "http://127.0.0.1:$NGINX_PORT/article.html" "$c")
            turns+=("$rps nginx $p50 $p99 $errors $non2xx")
            read -r rps p50 p99 errors non2xx < <(measure "http://127.0.0.1:$NGINX_LOGGING_PORT/article.html" "$c")
            turns+=("$rps nginx-logging $p50 $p99 $errors $non2xx")
            : >"$NGINX_DIR/access.log"
        done
        # the median turn of each (by rate)
        read -r a_rps _ a_p50 a_p99 a_errors a_non2xx < <(printf '%s\n' "${turns[@]}" | awk '$2 == "article"' | sort -n | sed -n 2p)
        read -r n_rps _ n_p50 n_p99 n_errors n_non2xx < <(printf '%s\n' "${turns[@]}" | awk '$2 == "nginx"' | sort -n | sed -n 2p)
        read -r l_rps _ l_p50 l_p99 l_errors l_non2xx < <(printf '%s\n' "${turns[@]}" | awk '$2 == "nginx-logging"' | sort -n | sed -n 2p)
        local share logged_share
        share=$(awk -v a="$a_rps" -v b="$n_rps" 'BEGIN { printf "%.1f", (b > 0) ? (100 * a / b) : 0 }')
        logged_share=$(awk -v a="$a_rps" -v b="$l_rps" 'BEGIN { printf "%.1f", (b > 0) ? (100 * a / b) : 0 }')
        nginx_rows+="| article, in turns with nginx (median of 3) | $c | $a_rps | $a_p50 | $a_p99 | $a_errors | $a_non2xx |"$'\n'
        nginx_rows+="| nginx, same article file, access log off (median of 3) | $c | $n_rps | $n_p50 | $n_p99 | $n_errors | $n_non2xx |"$'\n'
        nginx_rows+="| nginx, same article file, logging each request (median of 3) | $c | $l_rps | $l_p50 | $l_p99 | $l_errors | $l_non2xx |"$'\n'
        echo "  c=$c in turns: $(printf '%s ' "${turns[@]}" | awk '{ for (i = 1; i <= NF; i += 6) printf "%s (%s) ", $i, $(i + 1) }')"
        echo "  c=$c medians: article $a_rps req/s (p99 $a_p99 ms), nginx $n_rps req/s (p99 $n_p99 ms) without a log and $l_rps (p99 $l_p99 ms) logging: ${share}% and ${logged_share}% of nginx"
        rate[share-$c]=$share
        rate[logged-share-$c]=$logged_share
    done
    stop_all

    {
        echo "### $n stories"
        echo
        echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo),"\
             "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); Java $("$JAVA" -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }');"\
             "load average before the run $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2, ${DURATION} s per row, after ${WARMUP_SEARCH} s of searches."
        echo
        echo "| page | connections | requests/s | p50 ms | p99 ms | socket errors | non-2xx |"
        echo "| --- | --- | --- | --- | --- | --- | --- |"
        printf '%s' "$rows" "$nginx_rows"
        echo
        echo "Article page as a share of nginx's rate: ${rate[share-8]}% at 8 connections, ${rate[share-64]}% at 64;"\
             "of nginx logging each request as Broadsheet does: ${rate[logged-share-8]}% and ${rate[logged-share-64]}%."
        echo "JVM options: \`$JVM_OPTIONS $RUNTIME_OPTIONS ${AOT_OPTION[*]}\`, $ARCHIVE_KIND: $([ -f "$APP_DIR/$ARCHIVE" ] && [ "${CDS:-1}" = 1 ] && echo yes || echo no)."
        echo "Process start to first 200 on \`/\`: ${started} ms (median of three starts: ${start_list// /, } ms; the machine just before: $gauge). Resident memory after the load: ${rss} MB."
        echo "Collections from the start to the end of the load (\`-Xlog:gc\`): ${collections#- }."
        [ ! -f "$dir/generated" ] || echo "Generating the archive (rows and search index): $(( $(cat "$dir/generated") / 1000 )) s."
        echo
        echo "First view of each page after a start (nothing cached) and the view after it, one request at a time (curl):"
        echo
        echo "| page | first view ms | second view ms |"
        echo "| --- | --- | --- |"
        printf '%s' "$cold"
        echo
        echo "First views of ${stories:-no stories (none found in the sitemap)}."
        echo
        echo "Sitemaps: $sitemaps."
        echo
        echo "SQL statements per request (each page cold, then again; last: the article with its ETag):"
        echo
        echo "| request | status | statements (JDBC) | prepared (Hibernate statistics) |"
        echo "| --- | --- | --- | --- |"
        echo "$sql"
        echo
    } >"$results"
    echo "Results: $results"
}

# The target "article, front and section pages at the largest size within 1.3x of their time at the smallest":
# the sizes' own runs are half an hour apart, and this machine's speed drifts by a fifth from one minute to the
# next (tails at 8 connections by half), so both sites are started side by side and each page is measured on
# them in turns, three times, as the article is with nginx; the median of each figure's three turns counts.
compare_sizes() {
    local small=$1 large=$2 results="$BENCH_DIR/results-sizes.md"
    local small_base="http://127.0.0.1:$PORT" large_base="http://127.0.0.1:$PORT_LARGE"
    echo "Comparing $small and $large stories in turns (both sites started, one measured at a time)"
    # each site logs its collections, to compare the pauses (JAVA_TOOL_OPTIONS: the JVM options stay as measured)
    rm -f "$BENCH_DIR/gc-sizes-$small.log" "$BENCH_DIR/gc-sizes-$large.log"
    PORT=$PORT_LARGE START_AOT=1 JAVA_TOOL_OPTIONS="-Xlog:gc:file=$BENCH_DIR/gc-sizes-$large.log:uptime" \
        start_app "$BENCH_DIR/archive-$large" "$BENCH_DIR/app-sizes-$large.log"
    APP_PID_LARGE=$APP_PID
    APP_PID=
    START_AOT=1 JAVA_TOOL_OPTIONS="-Xlog:gc:file=$BENCH_DIR/gc-sizes-$small.log:uptime" \
        start_app "$BENCH_DIR/archive-$small" "$BENCH_DIR/app-sizes-$small.log"
    local rows="" page name path c turn
    for page in "${PAGES[@]:0:3}"; do
        wrk -t2 -c64 -d10s "$small_base${page#* }" >/dev/null
        wrk -t2 -c64 -d10s "$large_base${page#* }" >/dev/null
    done
    for page in "${PAGES[@]:0:3}"; do
        name=${page%% *} path=${page#* }
        for c in 8 64; do
            local turns=()
            for turn in 1 2 3; do
                # the smaller archive first in the first and third turn, the larger in the second
                local order=(small large) size
                [ "$turn" != 2 ] || order=(large small)
                for size in "${order[@]}"; do
                    if [ "$size" = small ]; then
                        turns+=("small $(measure "$small_base$path" "$c")")
                        drain "$APP_PID"
                    else
                        turns+=("large $(measure "$large_base$path" "$c")")
                        drain "$APP_PID_LARGE"
                    fi
                done
            done
            # the median of each column over the three turns of each size
            local s_rps s_p50 s_p99 l_rps l_p50 l_p99 bad
            read -r s_rps s_p50 s_p99 < <(printf '%s\n' "${turns[@]}" | awk '$1 == "small"' | median_columns)
            read -r l_rps l_p50 l_p99 < <(printf '%s\n' "${turns[@]}" | awk '$1 == "large"' | median_columns)
            bad=$(printf '%s\n' "${turns[@]}" | awk '{ n += $5 + $6 } END { print n + 0 }')
            rows+="| $name | $c | $s_rps | $l_rps | $(ratio "$s_rps" "$l_rps") | $s_p50 | $l_p50 | $(ratio "$l_p50" "$s_p50") | $s_p99 | $l_p99 | $(ratio "$l_p99" "$s_p99") | $bad |"$'\n'
            echo "  $name c=$c: $s_rps / $l_rps req/s, p50 $s_p50 / $l_p50 ms, p99 $s_p99 / $l_p99 ms (medians of 3 turns; socket errors and non-2xx: $bad)"
        done
    done
    stop_all
    {
        echo "### $small and $large stories side by side"
        echo
        echo "Both sites started (\`$JVM_OPTIONS $RUNTIME_OPTIONS ${AOT_OPTION[*]}\`, $ARCHIVE_KIND), each page measured on one then the other, three turns"
        echo "of ${DURATION} s each; the median of each figure's three turns. Time at $large as a multiple of the time at $small:"
        echo "requests/s at $small over requests/s at $large, and the latencies at $large over those at $small (target: at most 1.3)."
        echo
        echo "| page | connections | requests/s $small | requests/s $large | time x | p50 ms $small | p50 ms $large | x | p99 ms $small | p99 ms $large | x | socket errors and non-2xx |"
        echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
        printf '%s' "$rows"
        echo
        echo "Collections over the whole comparison (warm-up included), from each site's \`-Xlog:gc\`:"
        echo
        gc_summary "$small" "$BENCH_DIR/gc-sizes-$small.log"
        gc_summary "$large" "$BENCH_DIR/gc-sizes-$large.log"
        echo
    } >"$results"
    echo "Results: $results"
}

# gc_summary N LOG: one line on the young and full collections in a -Xlog:gc file
gc_summary() {
    awk -v n="$1" '/Pause Young/ { y++; t = $NF + 0; ys += t; if (t > ym) ym = t }
                   /Pause Full/ { f++; t = $NF + 0; if (t > fm) fm = t }
                   END { printf "- %s stories: %d young collections (%.1f ms on average, longest %.1f ms), %d full (longest %.0f ms)\n",
                         n, y, y ? ys / y : 0, ym, f, fm }' "$2" 2>/dev/null || echo "- $1 stories: no collection log"
}

# reads lines "label rps p50 p99 ..." and prints the median of rps, of p50 and of p99
median_columns() {
    awk '{ r[NR] = $2; a[NR] = $3; b[NR] = $4 }
         function median(v, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
                                           return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
         END { print median(r, NR), median(a, NR), median(b, NR) }'
}

# ratio A B -> A / B to two places
# How fast the machine is at the moment of the starts, to compare the starts of two runs (its speed drifts by a
# fifth from hour to hour): the median of three bare starts of the runtime (`java -version`: mapping its files,
# page faults, the JDK's own classes) and the time one core takes to hash 1 GB.
machine_gauge() {
    local bare=() t
    for _ in 1 2 3; do
        t=$(millis)
        "$JAVA" -version > /dev/null 2>&1
        bare+=($(( $(millis) - t )))
    done
    t=$(millis)
    head -c 1G /dev/zero | sha256sum > /dev/null
    echo "a bare \`java -version\` $(printf '%s\n' "${bare[@]}" | sort -n | sed -n 2p) ms (median of three), 1 GB hashed by one core in $(( $(millis) - t )) ms"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }

class_data_archive
for n in "${SIZES[@]}"; do
    run_size "$n"
done
if [ ${#SIZES[@]} -gt 1 ]; then
    read -r smallest largest < <(printf '%s\n' "${SIZES[@]}" | sort -n | sed -n '1p;$p' | paste -sd' ')
    compare_sizes "$smallest" "$largest"
fi
for n in "${SIZES[@]}"; do cat "$BENCH_DIR/results-$n.md"; done
[ ${#SIZES[@]} -lt 2 ] || cat "$BENCH_DIR/results-sizes.md"
