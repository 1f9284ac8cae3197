"""The ratio 100k/1k per URL measured side by side: two servers (one per catalogue size)
are asked in turn, request by request, so the machine's load falls on both alike.

Usage: python -m benchmarks.interleaved SMALL_ORIGIN LARGE_ORIGIN [ROUNDS] < urls
Prints TSV: url, small median ms, large median ms, ratio (0.1 ms resolution).
"""

import statistics
import sys
import time
import urllib.request


def elapsed_ms(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 our own servers
        response.read()
    return (time.perf_counter() - started) * 1000


def main(small: str, large: str, rounds: int) -> None:
    print("url\tsmall_ms\tlarge_ms\tratio")
    for path in (line.strip() for line in sys.stdin):
        if not path:
            continue
        elapsed_ms(small + path), elapsed_ms(large + path)  # warm both caches
        times = {small: [], large: []}
        for round_number in range(rounds):
            # Alternate which goes first, so neither always follows the other.
            order = (small, large) if round_number % 2 == 0 else (large, small)
            for origin in order:
                times[origin].append(elapsed_ms(origin + path))
        at_small, at_large = statistics.median(times[small]), statistics.median(times[large])
        print(f"{path}\t{at_small:.1f}\t{at_large:.1f}\t{at_large / at_small:.2f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 31)
