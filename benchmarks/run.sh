#!/usr/bin/env bash
# Throughput and latency of the main pages and endpoints, measured with wrk against
# gunicorn on loopback, on the seed catalogue plus N generated sites (default 1000).
# Usage: benchmarks/run.sh [N_SITES]   (needs Debian's wrk: apt-get install -y wrk)
# Appends a dated table to benchmarks/RESULTS.md. Bounded: 10 s per URL.
set -euo pipefail
cd "$(dirname "$0")/.."
N_SITES=${1:-1000}
PORT=${BENCH_PORT:-8765}
BIN=.venv/bin
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }

export RALLYING_DATA_DIR=$(mktemp -d)
export DEBUG=false SECURE_SSL_REDIRECT=false ALLOWED_HOSTS=127.0.0.1
export SECRET_KEY=$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(50))')
export API_ANON_RATE=100000000/hour
unset DATABASE_URL || true
trap 'kill $(cat "$RALLYING_DATA_DIR/gunicorn.pid" 2>/dev/null) 2>/dev/null || true; sleep 1; rm -rf "$RALLYING_DATA_DIR"' EXIT

$BIN/python manage.py migrate --noinput -v0
$BIN/python manage.py collectstatic --noinput -v0
$BIN/python manage.py load_catalogue
$BIN/python manage.py shell -c "
from tests.factories import build_large_catalogue
build_large_catalogue($N_SITES)
print('generated $N_SITES sites')"

$BIN/gunicorn rallying.wsgi -b 127.0.0.1:$PORT -w 2 --daemon --pid "$RALLYING_DATA_DIR/gunicorn.pid" \
  --error-logfile "$RALLYING_DATA_DIR/gunicorn.log"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

URLS=(
  "/"
  "/sites/"
  "/sites/?typology=collaborative-councils&funding=grant-funding&q=council"
  "/sites/west-london-zone/"
  "/compare/?sites=west-london-zone&sites=golden-key&sites=ignite-coventry"
  "/drivers/"
  "/api/v1/sites/"
  "/api/v1/sites/?page_size=200"
  "/api/v1/sites/?format=csv"
  "/api/v1/sites/west-london-zone/"
  "/api/v1/drivers/"
)
{
  echo
  echo "## $(date -u +%Y-%m-%d) — seed catalogue + $N_SITES generated sites, SQLite, gunicorn -w 2, wrk -t2 -c10 -d10s"
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB."
  echo
  echo "| URL | requests/s | mean latency | p99 latency | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for url in "${URLS[@]}"; do
    out=$(wrk -t2 -c10 -d10s --timeout 10s --latency "http://127.0.0.1:$PORT$url")
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    mean=$(awk '/Latency/{print $2; exit}' <<<"$out")
    p99=$(awk '/ 99%/{print $2}' <<<"$out")
    bad=$(awk '/Non-2xx/{print $5}' <<<"$out")
    echo "| \`$url\` | $rps | $mean | $p99 | ${bad:-0} |"
  done
} | tee -a benchmarks/RESULTS.md
