"""Throughput and peak memory of whole `cleaner clean` runs, by input kind, size and processes.

Generates invented pages (``tests/corpus.py``) as a directory of files, a JSONL file and a
WARC file, then times ``cleaner clean INPUT -o out.jsonl --format jsonl -q -j N`` in a
subprocess and samples the memory of that process and its workers (RSS and PSS summed over
the process tree, from /proc, every 20 ms; elsewhere the largest single process, from
getrusage). Memory should stay flat as the number of documents grows.

    python bench/pipeline.py                       # 1k and 10k documents
    python bench/pipeline.py --sizes 100000        # the large run (tens of minutes)
    python bench/pipeline.py --sizes 1000 --inputs jsonl --kinds html --jobs 2
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus import write_files, write_jsonl, write_warc  # noqa: E402

#: WARC holds HTML responses only.
CASES = [("files", "text"), ("files", "html"), ("jsonl", "text"), ("jsonl", "html"), ("warc", "html")]


def make_input(where: Path, inputs: str, kind: str, count: int) -> Path:
    target = where / f"{inputs}-{kind}-{count}"
    if inputs == "files":
        if not target.exists():
            write_files(target, count, kind)
        return target
    path = target.with_suffix(".jsonl" if inputs == "jsonl" else ".warc.gz")
    if not path.exists():
        if inputs == "jsonl":
            write_jsonl(path, count, kind)
        else:
            write_warc(path, count)
    return path


def _tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of ``pid`` and all its descendants (Linux /proc). Forked workers
    share pages with the main process: RSS counts a shared page once per process, PSS splits
    it between them, so the PSS sum is what the run really holds."""
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack += [int(child) for child in children.read().split()]
        except (OSError, ValueError):
            continue
    return rss, pss


def measure(source: Path, jobs: int, work: Path) -> tuple[float, float, float, int]:
    """(seconds, peak RSS MiB, peak PSS MiB, documents written) for one run."""
    out = work / "out.jsonl"
    out.unlink(missing_ok=True)
    command = [sys.executable, "-m", "cleaner", "clean", str(source), "-o", str(out), "--format", "jsonl"]
    command += ["-q", "-j", str(jobs), "--force"]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    peak_rss = peak_pss = 0
    proc = Path("/proc/self/smaps_rollup").is_file()
    while process.poll() is None:
        if proc:
            rss, pss = _tree_memory(process.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"run failed ({process.returncode}): {' '.join(command)}")
    if not proc:  # the largest single process so far, in KiB on Linux
        peak_rss = peak_pss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    with out.open("rb") as stream:
        written = sum(1 for _ in stream)
    return seconds, peak_rss / 2**20, peak_pss / 2**20, written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--inputs", nargs="+", default=["files", "jsonl", "warc"], choices=["files", "jsonl", "warc"])
    parser.add_argument("--kinds", nargs="+", default=["text", "html"], choices=["text", "html"])
    parser.add_argument("--data", type=Path, help="where generated inputs are kept (default: a temporary folder)")
    args = parser.parse_args()

    data = args.data or Path(tempfile.mkdtemp(prefix="cleaner-bench-"))
    data.mkdir(parents=True, exist_ok=True)
    print(f"# {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%F')}")
    print(f"# load average before: {os.getloadavg()[0]:.1f}")
    print("| input | kind | documents | -j | seconds | docs/s | peak RSS MiB | peak PSS MiB |")
    print("|---|---|---|---|---|---|---|---|")
    for inputs, kind in CASES:
        if inputs not in args.inputs or kind not in args.kinds:
            continue
        for count in args.sizes:
            source = make_input(data, inputs, kind, count)
            for jobs in args.jobs:
                with tempfile.TemporaryDirectory() as work:
                    seconds, rss, pss, written = measure(source, jobs, Path(work))
                if written != count:
                    raise SystemExit(f"{source}: {written} documents written, {count} expected")
                figures = f"{seconds:.1f} | {count / seconds:.0f} | {rss:.0f} | {pss:.0f}"
                row = f"| {inputs} | {kind} | {count} | {jobs} | {figures} |"
                print(row, flush=True)


if __name__ == "__main__":
    main()
