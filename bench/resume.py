"""A directory run of many invented pages, stopped half-way with Ctrl-C (SIGINT) and run again:
prints the figures of both runs and checks that nothing is missing, duplicated or redone.

Standard error of the first run is a pseudo-terminal, so its progress bar is what a person
would see; the last state of the bar is printed.

    python bench/resume.py                    # 10,000 HTML pages, -j 2
    python bench/resume.py --count 2000 --kind text --jobs 1
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus import write_files  # noqa: E402


def outputs(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.json")}


def run(command: list[str], *, stop_at: int | None, out: Path) -> tuple[int, float, str]:
    """Run with stderr on a pseudo-terminal; SIGINT once ``stop_at`` outputs exist."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 110, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=terminal, cwd=ROOT)
    os.close(terminal)
    shown = bytearray()

    def read() -> None:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    while stop_at is not None and process.poll() is None:
        if out.exists() and sum(1 for _ in out.rglob("*.json")) >= stop_at:
            process.send_signal(signal.SIGINT)
            break
        time.sleep(0.05)
    process.wait()
    seconds = time.perf_counter() - started
    reader.join(timeout=5)
    os.close(controller)
    return process.returncode, seconds, shown.decode(errors="replace")


def last_bar(shown: str) -> str:
    bars = [part for part in shown.replace("\r\n", "\n").replace("\n", "\r").split("\r") if "docs/s" in part]
    return bars[-1].strip() if bars else "(no bar)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--kind", choices=["text", "html"], default="html")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="cleaner-resume-"))
    pages, out, report = work / "pages", work / "out", work / "report.json"
    started = time.perf_counter()
    write_files(pages, args.count, args.kind)
    print(f"{args.count} {args.kind} pages generated in {time.perf_counter() - started:.1f} s under {work}")
    command = [sys.executable, "-m", "cleaner", "clean", str(pages), "-o", str(out), "-j", str(args.jobs)]
    command += ["--report", str(report)]

    code, seconds, shown = run(command, stop_at=args.count // 2, out=out)
    first = json.loads(report.read_text(encoding="utf-8"))
    before = outputs(out)
    print(
        f"first run: exit {code} after {seconds:.1f} s; cleaned {first['documents']}, interrupted "
        f"{first['interrupted']}; {len(before)} outputs on disk"
    )
    print(f"  last bar: {last_bar(shown)}")
    for path in out.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))

    code2, seconds2, shown2 = run(command, stop_at=None, out=out)
    second = json.loads(report.read_text(encoding="utf-8"))
    after = outputs(out)
    redone = sum(1 for name, mtime in before.items() if after.get(name) != mtime)
    expected = {f"{i // 1000:03d}/page{i:06d}.json" for i in range(args.count)}
    print(
        f"second run: exit {code2} after {seconds2:.1f} s; cleaned {second['documents']}, already done "
        f"{second['already_done']}; {len(after)} outputs on disk"
    )
    print(f"  last bar: {last_bar(shown2)}")
    print(
        f"missing {len(expected - set(after))}, unexpected {len(set(after) - expected)}, "
        f"redone {redone}, failed {first['failed'] + second['failed']}"
    )


if __name__ == "__main__":
    main()
