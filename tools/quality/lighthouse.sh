#!/bin/sh
# Lighthouse (npm's, in tools/quality/node_modules) driving Debian's chromium against a
# running catalogue, on the five pages docs/quality.md records. Usage:
#   tools/quality/lighthouse.sh http://127.0.0.1:8000 [report folder]
# Each page is requested once before it is measured. Prints each page's four scores;
# writes the JSON reports to the folder (default lighthouse-reports/). Exits 1 when a
# score is under the bar: 100 for accessibility, best practices and SEO, 98 for performance.
set -eu
base=${1:?the address of a running catalogue, e.g. http://127.0.0.1:8000}
out=${2:-lighthouse-reports}
here=$(dirname "$0")
mkdir -p "$out"
status=0
measure() {
  CHROME_PATH=/usr/bin/chromium "$here/node_modules/.bin/lighthouse" "$base$page" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$report"
}
# Prints a report's four scores and every audit that lost points. Exits 0 when every bar
# is met, 2 when only performance is under its bar, 1 otherwise.
score() {
  node -e '
    const report = require(process.argv[1]);
    const bars = {performance: 98, accessibility: 100, "best-practices": 100, seo: 100};
    const low = [];
    const scores = Object.entries(report.categories).map(([id, c]) => {
      const score = Math.round(c.score * 100);
      if (score < bars[id]) low.push(id);
      return `${c.title} ${score}`;
    });
    console.log(`${process.argv[2]}: ${scores.join(", ")}`);
    for (const [id, c] of Object.entries(report.categories))
      for (const ref of c.auditRefs) {
        const audit = report.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1)
          console.log(`  ${id}: ${ref.id} ${audit.score} ${audit.displayValue || ""}`);
      }
    process.exit(low.length === 0 ? 0 : low.every((id) => id === "performance") ? 2 : 1);
  ' "$1" "$2"
}
for page in / /sites/ /sites/west-london-zone/ \
  "/compare/?sites=oldham-council&sites=wigan-council&sites=west-london-zone" /map/; do
  name=$(printf '%s' "$page" | tr -c 'a-zA-Z0-9\n' '-' | sed 's/^-*//; s/-*$//')
  report="$out/${name:-home}.json"
  # One request first, so the page is measured warm (its cached counts computed), as
  # every reader after the first after a catalogue change sees it.
  curl -fsS -o /dev/null "$base$page" || true
  # Lighthouse now and then fails to record a trace on a busy machine: one more try.
  # Performance is timed on a shared machine, so a score under its bar is measured again
  # (up to three runs; one at or over the bar passes); the other three are not timing and
  # get no second chance.
  for run in 1 2 3; do
    measure || measure || { echo "$page: Lighthouse failed twice"; status=1; continue 2; }
    result=0
    score "$(realpath "$report")" "$page" || result=$?
    [ "$result" = 2 ] && [ "$run" -lt 3 ] && { echo "  performance under its bar: measuring again"; continue; }
    [ "$result" = 0 ] || status=1
    break
  done
done
exit $status
