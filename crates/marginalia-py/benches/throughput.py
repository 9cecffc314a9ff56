"""The Python package's throughput and per-call overhead, beside the command line's.

Builds the same archive as `cargo bench --bench batch` (each two of the gold articles and samples
under a numbered headline; 10,000 articles by default, or the count given), then reports:
  - analyze_each over all texts, each result used and dropped: articles/s, MB/s, peak memory;
  - analyze_many over all texts, with 1 thread and with every core: articles/s and MB/s;
  - analyze on one short article: the time per call;
  - `marginalia analyze FILE --json` run once per file: the time per process.
Run after `pip install ./crates/marginalia-py`, with MARGINALIA_BIN naming a release binary.
"""

import os
import pathlib
import resource
import subprocess
import sys
import time

import marginalia

ROOT = pathlib.Path(__file__).resolve().parents[3]


def archive(count):
    sources = sorted((ROOT / "tests" / "gold").glob("*.txt")) + sorted((ROOT / "samples").glob("*.txt"))
    bases = [p.read_text(encoding="utf-8") for p in sources]
    n = len(bases)
    return [f"Report {i}: {bases[i % n]}\n{bases[(i * 7 + 3) % n]}" for i in range(count)]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    texts = archive(count)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{count} articles, {mb:.1f} MB")
    # First, while the peak is still the texts' own: results used as they come, kept by none.
    start = time.perf_counter()
    quotes = sum(len(r["quotes"]) for r in marginalia.analyze_each(texts))
    secs = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"analyze_each, every core: {count / secs:.0f} articles/s, {mb / secs:.1f} MB/s ({quotes} quotes); peak memory {peak:.0f} MB")
    for jobs in (1, os.cpu_count()):
        start = time.perf_counter()
        out = marginalia.analyze_many(texts, jobs=jobs)
        secs = time.perf_counter() - start
        assert len(out) == count
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"analyze_many, {jobs} thread(s): {count / secs:.0f} articles/s, {mb / secs:.1f} MB/s; peak memory {peak:.0f} MB")
    short = "Budget Vote Delayed\n\u201cWe need more time,\u201d said Maria Lopez.\n"
    runs = 2000
    start = time.perf_counter()
    for _ in range(runs):
        marginalia.analyze(short)
    per_call = (time.perf_counter() - start) / runs
    print(f"analyze(short article): {per_call * 1e6:.0f} µs a call")
    binary = os.environ.get("MARGINALIA_BIN", str(ROOT / "target" / "release" / "marginalia"))
    tmp = pathlib.Path(os.environ.get("TMPDIR", "/tmp")) / "marginalia-short.txt"
    tmp.write_text(short, encoding="utf-8")
    runs = 100
    start = time.perf_counter()
    for _ in range(runs):
        subprocess.run([binary, "analyze", str(tmp), "--json"], check=True, capture_output=True)
    per_process = (time.perf_counter() - start) / runs
    print(f"marginalia analyze FILE --json (short article): {per_process * 1e3:.1f} ms a file")


if __name__ == "__main__":
    main()
