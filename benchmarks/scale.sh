#!/usr/bin/env bash
# The scale run: for each catalogue size (default 1,000, 10,000 and 100,000 generated sites
# on top of the seed catalogue) on PostgreSQL, gunicorn as configured in gunicorn.conf.py
# with DEBUG off, it records per URL the median of 21 single requests (latency, first byte,
# size), SQL queries per request and the workers' memory; one whole download of each format
# with the largest worker's peak memory while it streams; then, side by side, the API list
# of 50 sites of one type against Datasette serving the same rows and a minimal .values()
# view, with wrk -t2 -c10 -d10s, interleaved, 3 rounds, median.
#
# Raw figures go to benchmarks/out/scale-N.tsv (one file per size, kept out of git);
# `python -m benchmarks.summarise` turns them into the table of RESULTS.md (ratios 100k/1k).
#
# Usage: benchmarks/scale.sh [N ...]   PREBUILD_DOCUMENTS=0 skips building every site's API
# JSON beforehand (the first downloads then build it); WHOLE_MAX=S cuts the whole downloads
# after S seconds (default 900). REUSE_DB=1 keeps an existing
# rallying_bench_N database (no rebuild). Needs PostgreSQL (BENCH_PG, default
# postgres://postgres@127.0.0.1:5432), wrk, curl, bc; makes benchmarks/.venv-datasette.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-1000 10000 100000}")
read -r -a SIZES <<<"${SIZES[*]}"
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
PORT=${BENCH_PORT:-8112}
DS_PORT=$((PORT + 1))
BIN=.venv/bin
OUTDIR=benchmarks/out
TYPE=collaborative-councils
mkdir -p "$OUTDIR"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }

if [ ! -x benchmarks/.venv-datasette/bin/datasette ]; then
  python3 -m venv benchmarks/.venv-datasette
  benchmarks/.venv-datasette/bin/pip install -q -r benchmarks/requirements-datasette.txt
fi

export DJANGO_SETTINGS_MODULE=benchmarks.settings
export DEBUG=false SECURE_SSL_REDIRECT=false ALLOWED_HOSTS=127.0.0.1,testserver
export SECRET_KEY=$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(50))')
export API_ANON_RATE=100000000/hour RALLYING_DATA_DIR=$(mktemp -d)
# BENCH_CACHE_URL=redis://127.0.0.1:6379/N benchmarks the shared cache (that db is flushed).
if [ -n "${BENCH_CACHE_URL:-}" ]; then export CACHE_URL=$BENCH_CACHE_URL; fi
PIDS=()
stop_gunicorn() {
  local pidfile="$RALLYING_DATA_DIR/gunicorn.pid"
  if [ -f "$pidfile" ]; then
    local master; master=$(cat "$pidfile")
    kill "$master" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$master" 2>/dev/null || break; sleep 0.2; done
    rm -f "$pidfile"
  fi
}
cleanup() {
  stop_gunicorn
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$RALLYING_DATA_DIR"
}
trap cleanup EXIT

URLS=(
  "/"
  "/sites/"
  "/sites/?typology=$TYPE&funding=grant-funding"
  "/sites/?q=young+people+council"
  "/sites/west-london-zone/"
  "/compare/?sites=west-london-zone&sites=golden-key&sites=ignite-coventry"
  "/drivers/"
  "/map/"
  "/network/"
  "/changes/"
  "/api/v1/sites/"
  "/api/v1/sites/?page_size=200"
  "/api/v1/sites/?typology=$TYPE&page_size=50"
  "/api/v1/sites/?q=young+people"
  "/api/v1/sites/west-london-zone/"
  "/api/v1/organisations/"
  "/api/v1/changes/"
  "/api/v1/sites/export.csv"
  "/api/v1/sites/export.json"
)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { echo "$1*1000/1" | bc; }

serve() {  # start gunicorn and wait for it
  $BIN/gunicorn -c gunicorn.conf.py -b 127.0.0.1:$PORT --pid "$RALLYING_DATA_DIR/gunicorn.pid" \
    --error-logfile "$RALLYING_DATA_DIR/gunicorn.log" --daemon
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.2; done
  echo "gunicorn did not start"; cat "$RALLYING_DATA_DIR/gunicorn.log"; exit 1
}

worker_rss_mb() {  # the largest gunicorn worker's resident memory, MB
  local master; master=$(cat "$RALLYING_DATA_DIR/gunicorn.pid")
  ps -o rss= --ppid "$master" | sort -n | tail -1 | awk '{printf "%d", $1/1024}'
}

for N in "${SIZES[@]}"; do
  DB=rallying_bench_$N
  export DATABASE_URL=$PG/$DB
  TSV=$OUTDIR/scale-$N.tsv
  BUILD=- DOCS=-
  if [ "${REUSE_DB:-0}" = 1 ] && psql "$PG/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
    $BIN/python manage.py migrate --noinput -v0
  else
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" -qc "CREATE DATABASE $DB"
    $BIN/python manage.py migrate --noinput -v0
    $BIN/python manage.py load_catalogue >/dev/null
    START=$(date +%s)
    $BIN/python manage.py shell -c "from tests.factories import build_large_catalogue; build_large_catalogue($N)"
    BUILD=$(( $(date +%s) - START ))
  fi
  $BIN/python manage.py collectstatic --noinput -v0
  if [ -n "${CACHE_URL:-}" ]; then
    $BIN/python manage.py shell -c "from django.core.cache import cache; cache.clear()"
  fi
  START=$(date +%s)
  if [ "${PREBUILD_DOCUMENTS:-1}" = 1 ]; then $BIN/python manage.py build_site_documents --jobs 2; fi
  DOCS=$(( $(date +%s) - START ))
  psql "$DATABASE_URL" -qc "VACUUM ANALYZE"
  SITES=$(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM collaborations_site WHERE status='published'")
  serve
  {
    printf '#\tsize\t%s\n' "$N"
    printf '#\tpublished sites\t%s\n' "$SITES"
    printf '#\tdate\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf '#\tcommit\t%s\n' "$(git rev-parse --short HEAD)"
    printf '#\tload average at start\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf '#\tbuild_large_catalogue s\t%s\n' "$BUILD"
    printf '#\tbuild_site_documents s\t%s\n' "$DOCS"
    printf 'url\tfirst_ms\tmedian_ms\tfirst_byte_ms\tbytes\tqueries\tstatuses\tworker_rss_mb\tcpu_ms\n'
  } >"$TSV"
  declare -A QUERIES=() CPU=()
  while IFS=$'\t' read -r url n cpu; do QUERIES[$url]=$n; CPU[$url]=$cpu; done \
    < <($BIN/python -m benchmarks.queries "${URLS[@]}")
  for url in "${URLS[@]}"; do
    # Downloads: the first byte is what counts here (a whole one is measured below).
    max=60; case $url in *export*) max=3;; esac
    first=$(curl -s -o /dev/null -m $max -w '%{time_total}' "http://127.0.0.1:$PORT$url" || true)
    times=(); starts=(); size=0; codes=""
    for _ in $(seq 21); do
      read -r code t s bytes < <(curl -s -o /dev/null -m $max -w '%{http_code} %{time_total} %{time_starttransfer} %{size_download}\n' "http://127.0.0.1:$PORT$url" || true)
      times+=("$t"); starts+=("$s"); size=$bytes; codes+="$code "
    done
    med=$(printf '%s\n' "${times[@]}" | median)
    fb=$(printf '%s\n' "${starts[@]}" | median)
    status=$(tr ' ' '\n' <<<"$codes" | grep . | sort | uniq -c | awk 'NF {printf "%s×%s ", $1, $2}')
    case $url in *export*) size="cut";; esac
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$url" "$(ms "$first")" "$(ms "$med")" "$(ms "$fb")" \
      "$size" "${QUERIES[$url]:-?}" "${status% }" "$(worker_rss_mb)" "${CPU[$url]:-?}" >>"$TSV"
  done

  # One whole download of each format, the largest worker's memory sampled while it streams.
  for format in csv json; do
    sleep 1
    curl -s -o /dev/null -m "${WHOLE_MAX:-900}" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}\n' \
      "http://127.0.0.1:$PORT/api/v1/sites/export.$format" >"$RALLYING_DATA_DIR/whole" &
    pid=$!; peak=0
    while kill -0 $pid 2>/dev/null; do
      rss=$(worker_rss_mb); [ "$rss" -gt "$peak" ] && peak=$rss; sleep 0.5
    done
    read -r code fb total bytes <"$RALLYING_DATA_DIR/whole"
    printf 'whole export.%s\t%s\t%s\t%s\t%s\t-\t1×%s\t%s\t-\n' "$format" "$(ms "$total")" "$(ms "$total")" \
      "$(ms "$fb")" "$bytes" "$code" "$peak" >>"$TSV"
  done

  # Side by side: the same 50 sites of one type, as JSON, three ways.
  $BIN/python -m benchmarks.export_sqlite "$RALLYING_DATA_DIR/bench.sqlite3"
  benchmarks/.venv-datasette/bin/datasette serve "$RALLYING_DATA_DIR/bench.sqlite3" -p $DS_PORT \
    -h 127.0.0.1 --setting default_page_size 50 >/dev/null 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$DS_PORT/" >/dev/null && break; sleep 0.2; done
  declare -A TARGETS=(
    [api]="http://127.0.0.1:$PORT/api/v1/sites/?typology=$TYPE&page_size=50"
    [datasette]="http://127.0.0.1:$DS_PORT/bench/sites.json?typology=$TYPE&_sort=name&_size=50&_shape=objects"
    [minimal]="http://127.0.0.1:$PORT/bench/minimal/sites/?typology=$TYPE"
  )
  declare -A RPS=([api]="" [datasette]="" [minimal]="")
  for target in api datasette minimal; do curl -s -o /dev/null "${TARGETS[$target]}"; done
  for round in 1 2 3; do
    for target in api datasette minimal; do
      r=$(wrk -t2 -c10 -d10s "${TARGETS[$target]}" | awk '/Requests\/sec/{print $2}')
      RPS[$target]+="$r "
    done
  done
  for target in api datasette minimal; do
    printf 'wrk %s\t%s\n' "$target" "${RPS[$target]% }" >>"$TSV"
  done
  printf 'worker rss at end\t%s\n' "$(worker_rss_mb)" >>"$TSV"
  stop_gunicorn; kill "${PIDS[-1]}" 2>/dev/null || true
  unset 'PIDS[-1]'
  sleep 2
  echo "scale run at $N written to $TSV"
done
