#!/usr/bin/env bash
# The scale run: for each catalogue size (default 1,000, 10,000 and 100,000 generated sites
# on top of the seed catalogue) on PostgreSQL, gunicorn as configured in gunicorn.conf.py
# with DEBUG off, it records per URL the median of 21 single requests (latency, size),
# SQL queries per request and the workers' memory; then, side by side, the API list of 50
# sites of one type against Datasette serving the same rows and a minimal .values() view,
# with wrk -t2 -c10 -d10s, interleaved, 3 rounds, median. Appends to benchmarks/RESULTS.md.
#
# Usage: benchmarks/scale.sh [N ...]   PREBUILD_DOCUMENTS=0 skips building every site's API
# JSON beforehand (the first downloads then build it). Needs PostgreSQL (BENCH_PG, default
# postgres://postgres@127.0.0.1:5432), wrk, curl; makes benchmarks/.venv-datasette.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-1000 10000 100000}")
read -r -a SIZES <<<"${SIZES[*]}"
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
PORT=${BENCH_PORT:-8112}
DS_PORT=$((PORT + 1))
BIN=.venv/bin
OUT=benchmarks/RESULTS.md
TYPE=collaborative-councils
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }

if [ ! -x benchmarks/.venv-datasette/bin/datasette ]; then
  python3 -m venv benchmarks/.venv-datasette
  benchmarks/.venv-datasette/bin/pip install -q -r benchmarks/requirements-datasette.txt
fi

export DJANGO_SETTINGS_MODULE=benchmarks.settings
export DEBUG=false SECURE_SSL_REDIRECT=false ALLOWED_HOSTS=127.0.0.1,testserver
export SECRET_KEY=$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(50))')
export API_ANON_RATE=100000000/hour RALLYING_DATA_DIR=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$RALLYING_DATA_DIR"; }
trap cleanup EXIT

URLS=(
  "/"
  "/sites/"
  "/sites/?typology=$TYPE&funding=grant-funding"
  "/sites/?q=young+people+council"
  "/sites/west-london-zone/"
  "/compare/?sites=west-london-zone&sites=golden-key&sites=ignite-coventry"
  "/drivers/"
  "/api/v1/sites/?page_size=200"
  "/api/v1/sites/?typology=$TYPE&page_size=50"
  "/api/v1/sites/west-london-zone/"
  "/api/v1/sites/export.csv"
  "/api/v1/sites/export.json"
)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

serve() {  # start gunicorn and wait for it
  $BIN/gunicorn -c gunicorn.conf.py -b 127.0.0.1:$PORT --pid "$RALLYING_DATA_DIR/gunicorn.pid" \
    --error-logfile "$RALLYING_DATA_DIR/gunicorn.log" --daemon
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.2; done
  echo "gunicorn did not start"; exit 1
}

worker_rss_mb() {
  local master; master=$(cat "$RALLYING_DATA_DIR/gunicorn.pid")
  ps -o rss= --ppid "$master" | sort -n | tail -1 | awk '{printf "%d", $1/1024}'
}

for N in "${SIZES[@]}"; do
  DB=rallying_bench_$N
  export DATABASE_URL=$PG/$DB
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" -qc "CREATE DATABASE $DB"
  $BIN/python manage.py migrate --noinput -v0
  $BIN/python manage.py collectstatic --noinput -v0
  $BIN/python manage.py load_catalogue >/dev/null
  START=$(date +%s)
  $BIN/python manage.py shell -c "from tests.factories import build_large_catalogue; build_large_catalogue($N)"
  BUILD=$(( $(date +%s) - START ))
  START=$(date +%s)
  if [ "${PREBUILD_DOCUMENTS:-1}" = 1 ]; then $BIN/python manage.py build_site_documents; fi
  DOCS=$(( $(date +%s) - START ))
  psql "$DATABASE_URL" -qc "VACUUM ANALYZE"
  serve
  {
    echo
    echo "## $(date -u +%Y-%m-%d) — scale run, seed catalogue + $N generated sites"
    echo "PostgreSQL, gunicorn -c gunicorn.conf.py (2 workers × 4 threads), DEBUG off. Machine: $(nproc) cores,"
    echo "load average $(cut -d' ' -f1 /proc/loadavg) at the start. build_large_catalogue($N): ${BUILD} s;"
    echo "every site's API JSON built beforehand (manage.py build_site_documents): ${DOCS} s."
    echo
    echo "| URL | first request | median of 21 | size | first byte (median) | queries | status |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
  } >>"$OUT"
  declare -A QUERIES=()
  while IFS=$'\t' read -r url n; do QUERIES[$url]=$n; done < <($BIN/python -m benchmarks.queries "${URLS[@]}")
  for url in "${URLS[@]}"; do
    # Downloads: the first byte is what counts (a whole one takes minutes at 100,000 sites).
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
    case $url in *export*) size="(stream, ${max} s cut)";; *) size="$((size / 1024)) KB";; esac
    printf '| `%s` | %.0f ms | %.0f ms | %s | %.0f ms | %s | %s|\n' "$url" "$(echo "$first*1000" | bc)" \
      "$(echo "$med*1000" | bc)" "$size" "$(echo "$fb*1000" | bc)" "${QUERIES[$url]:-?}" "$status" >>"$OUT"
  done
  echo >>"$OUT"
  echo "Largest worker after the single requests: $(worker_rss_mb) MB resident." >>"$OUT"

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
  api=$(tr ' ' '\n' <<<"${RPS[api]}" | grep . | median)
  ds=$(tr ' ' '\n' <<<"${RPS[datasette]}" | grep . | median)
  mini=$(tr ' ' '\n' <<<"${RPS[minimal]}" | grep . | median)
  {
    echo
    echo "50 sites of one type as JSON, wrk -t2 -c10 -d10s, 3 interleaved rounds (requests/s, median):"
    echo "API list $api (rounds: ${RPS[api]}); Datasette $ds (${RPS[datasette]}); minimal .values() view $mini (${RPS[minimal]})."
    echo "API / Datasette = $(echo "scale=2; $api / $ds" | bc); API / minimal = $(echo "scale=2; $api / $mini" | bc)."
    echo "Largest worker at the end: $(worker_rss_mb) MB resident."
  } >>"$OUT"
  kill "$(cat "$RALLYING_DATA_DIR/gunicorn.pid")"; kill "${PIDS[-1]}" 2>/dev/null || true
  sleep 2
done
