"""The table of benchmarks/RESULTS.md from the raw figures of benchmarks/scale.sh.

Usage: python -m benchmarks.summarise [benchmarks/out]   prints Markdown: per URL the median
of 21 single requests at each catalogue size, the ratio largest/smallest, response sizes,
SQL queries, statuses and worker memory; then the whole downloads and the side-by-side
throughput (median of 3 interleaved wrk rounds) with its ratios; then which goals are met.
"""

import statistics
import sys
from pathlib import Path

RATIO_GOAL = 1.3
MEDIAN_GOAL_MS = 150
FIRST_BYTE_GOAL_MS = 1000
WORKER_GOAL_MB = 300


def read(path: Path) -> dict:
    run = {"meta": {}, "rows": {}, "wrk": {}, "order": []}
    for line in path.read_text().splitlines():
        cells = line.split("\t")
        if cells[0] == "#":
            run["meta"][cells[1]] = cells[2]
        elif cells[0] == "url":
            continue
        elif cells[0].startswith("wrk "):
            run["wrk"][cells[0][4:]] = [float(x) for x in cells[1].split()]
        elif cells[0] == "worker rss at end":
            run["meta"]["worker rss at end"] = cells[1]
        else:
            keys = ("first", "median", "first_byte", "bytes", "queries", "statuses", "rss", "cpu")
            run["rows"][cells[0]] = dict(zip(keys, cells[1:], strict=False))
            run["order"].append(cells[0])
    return run


def size_text(value: str) -> str:
    if not value.isdigit():
        return value
    n = int(value)
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


def main(folder: str = "benchmarks/out") -> None:
    runs = sorted(
        (read(path) for path in Path(folder).glob("scale-*.tsv")),
        key=lambda run: int(run["meta"]["size"]),
    )
    if not runs:
        sys.exit(f"no scale-N.tsv in {folder}")
    sizes = [f"{int(run['meta']['size']):,}" for run in runs]
    print("Runs: " + "; ".join(_describe(run) for run in runs) + ".\n")
    head = " | ".join(f"{size} sites" for size in sizes)
    print(f"| URL | {head} | ratio | size | queries | CPU ms | statuses | worker MB |")
    print("| --- |" + " ---: |" * len(runs) + " ---: | --- | --- | --- | --- | --- |")
    failures = []
    largest = runs[-1]
    for url in runs[0]["order"]:
        if url.startswith("whole "):
            continue
        cells = [run["rows"].get(url) for run in runs]
        download = "export" in url
        key = "first_byte" if download else "median"
        values = [int(cell[key]) if cell else None for cell in cells]
        ratio = values[-1] / max(values[0], 1) if None not in (values[0], values[-1]) else None
        medians = " | ".join("–" if v is None else f"{v} ms" for v in values)
        sizes_text = " / ".join(size_text(cell["bytes"]) for cell in cells if cell)
        queries = " / ".join(cell["queries"] for cell in cells if cell)
        statuses = " / ".join(cell["statuses"] for cell in cells if cell)
        rss = " / ".join(cell["rss"] for cell in cells if cell)
        cpu = " / ".join(cell.get("cpu", "–") for cell in cells if cell)
        label = f"`{url}`" + (" (first byte)" if download else "")
        ratio_text = "–" if ratio is None else f"{ratio:.2f}"
        print(
            f"| {label} | {medians} | {ratio_text} | {sizes_text} | {queries} | {cpu} | {statuses} "
            f"| {rss} |"
        )
        last = values[-1]
        if len(runs) > 1 and ratio is not None and ratio > RATIO_GOAL:
            failures.append(f"`{url}` ratio {ratio:.2f}")
        goal = FIRST_BYTE_GOAL_MS if download else MEDIAN_GOAL_MS
        if last is not None and last >= goal:
            failures.append(f"`{url}` {last} ms at {sizes[-1]}")
        for cell, size in zip(cells, sizes, strict=True):
            if cell and any(not s.split("×")[-1].startswith("2") for s in cell["statuses"].split()):
                failures.append(f"`{url}` {cell['statuses']} at {size}")
    print("\nWhole downloads, read to the end (one each, the largest worker's peak memory while")
    print("it streamed):\n")
    print("| download | sites | first byte | whole | size | status | worker peak MB |")
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: |")
    for run in runs:
        for url in run["order"]:
            if url.startswith("whole "):
                row = run["rows"][url]
                print(
                    f"| `{url[6:]}` | {int(run['meta']['size']):,} | {row['first_byte']} ms "
                    f"| {int(row['median']) / 1000:.1f} s | {size_text(row['bytes'])} "
                    f"| {row['statuses']} | {row['rss']} |"
                )
                if int(row["rss"]) > WORKER_GOAL_MB:
                    failures.append(f"{url} worker {row['rss']} MB at {run['meta']['size']}")
                if not row["statuses"].endswith("200"):
                    failures.append(f"{url} {row['statuses']} at {run['meta']['size']}")
    print("\n50 sites of one type as JSON, `wrk -t2 -c10 -d10s`, 3 interleaved rounds, requests/s")
    print("(median, then each round):\n")
    print("| sites | API list | Datasette | minimal view | API / Datasette | API / minimal |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in runs:
        wrk = run["wrk"]
        if not wrk:
            continue
        api, ds, mini = (statistics.median(wrk[k]) for k in ("api", "datasette", "minimal"))

        def rounds(key, wrk=wrk):
            return " (" + ", ".join(f"{x:.0f}" for x in wrk[key]) + ")"

        print(
            f"| {int(run['meta']['size']):,} | {api:.0f}{rounds('api')} "
            f"| {ds:.0f}{rounds('datasette')} | {mini:.0f}{rounds('minimal')} "
            f"| {api / ds:.2f} | {api / mini:.2f} |"
        )
        if api < ds or api < 2 / 3 * mini:
            failures.append(f"API list throughput at {run['meta']['size']}")
    print(f"\nLargest worker at the end of the {sizes[-1]} run: ", end="")
    print(f"{largest['meta'].get('worker rss at end', '?')} MB.")
    print("\nGoals missed: " + ("; ".join(failures) if failures else "none") + ".")


def _describe(run) -> str:
    meta = run["meta"]
    return (
        f"{int(meta['size']):,} generated ({meta.get('published sites', '?')} published), "
        f"{meta['date']}, commit {meta['commit']}, load {meta['load average at start']}, "
        f"build {meta['build_large_catalogue s']} s, "
        f"JSON prebuilt {meta['build_site_documents s']} s"
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
