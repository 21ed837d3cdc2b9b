"""Line accuracy on the labelled real pages of the three sites, side by side with the peers.

Cleans every rebuilt page of the development set (``../shared/eval``, see its README for
rebuilding the texts once per machine) with several extractors in one process, scores each
with the set's own ``score.py`` and prints one table: body-line precision / recall / F1 per
site and overall, title and author exact-match rates, and milliseconds per page.

Extractors:
  * ``cleaner --site``   the site's rule, the site given (as ``run.sh`` does);
  * ``cleaner detect``   the site recognised from the page itself;
  * ``cleaner generic``  no rule: the generic text path (shared news layer + line heuristic);
  * ``trafilatura``      ``trafilatura.extract`` on the dump turned into HTML paragraphs.

Usage: python bench/real_pages.py [--texts DIR] [--eval DIR] [--split dev] [--only NAME]
The page texts are read from --texts, $REAL_PAGES or ~/.cache/real-pages; they belong to their
publishers and never enter this repository. Predictions go to a temporary folder that is
removed at the end.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from cleaner import clean

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
SITES = ("kyiv_independent", "euromaidan_press", "moscow_times")

Prediction = tuple[str, dict[str, object]]  # body text, metadata


def cleaner_with(site: str | None) -> Callable[[str, str], Prediction]:
    def run(text: str, page_site: str) -> Prediction:
        forced = page_site if site == "page" else site
        article = clean(text, site=forced)
        meta = {
            "title": article.title,
            "authors": article.authors,
            "published": article.published,
            "tags": article.tags,
        }
        return article.text, meta

    return run


def trafilatura_on_dump(text: str, page_site: str) -> Prediction:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    extracted = trafilatura.extract(f"<html><body><article>{paragraphs}</article></body></html>") or ""
    return extracted, {}


EXTRACTORS: dict[str, Callable[[str, str], Prediction]] = {
    "cleaner --site": cleaner_with("page"),
    "cleaner detect": cleaner_with(None),
    "cleaner generic": cleaner_with("generic"),
    "trafilatura": trafilatura_on_dump,
}

_ROW = re.compile(r"^(kyiv_independent|euromaidan_press|moscow_times|ALL)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)")
_META = re.compile(r"^\s+(kyiv_independent|euromaidan_press|moscow_times|ALL)\s+title=(\S+).*?authors=(\S+)")


def predict(name: str, pages: list[tuple[str, Path]], out: Path) -> list[float]:
    extractor = EXTRACTORS[name]
    timings = []
    for site, path in pages:
        text = path.read_text(encoding="utf-8")
        start = time.perf_counter()
        body, meta = extractor(text, site)
        timings.append((time.perf_counter() - start) * 1000)
        target = out / site / path.parent.name / path.stem
        target.parent.mkdir(parents=True, exist_ok=True)
        target.with_suffix(".txt").write_text(body, encoding="utf-8")
        target.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return timings


def score(eval_dir: Path, texts: Path, split: str, pred: Path) -> dict[str, dict[str, str]]:
    result = subprocess.run(
        [
            sys.executable,
            str(eval_dir / "score.py"),
            "--texts",
            str(texts),
            "--labels",
            str(eval_dir / "labels"),
            "--split",
            split,
            "--pred",
            str(pred),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rows: dict[str, dict[str, str]] = {}
    for line in result.stdout.splitlines():
        if match := _ROW.match(line):
            rows.setdefault(match[1], {}).update(P=match[3], R=match[4], F1=match[5], pages=match[2])
        elif match := _META.match(line):
            rows.setdefault(match[1], {}).update(title=match[2], authors=match[3])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_texts = os.environ.get("REAL_PAGES", str(Path.home() / ".cache" / "real-pages"))
    parser.add_argument("--texts", type=Path, default=Path(default_texts))
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--only", action="append", choices=sorted(EXTRACTORS), help="run only these extractors")
    args = parser.parse_args(argv)
    if not (args.eval / "score.py").exists():
        print(f"no labelled set at {args.eval} (give --eval DIR)", file=sys.stderr)
        return 2
    pages = [(site, path) for site in SITES for path in sorted((args.texts / site / args.split).glob("*.txt"))]
    if not pages:
        print(f"no page texts under {args.texts}: rebuild them as {args.eval}/README.md says", file=sys.stderr)
        return 2
    print(f"{len(pages)} pages ({args.split}) from {args.texts}")
    header = ("extractor", "site", "pages", "line P", "line R", "F1", "title", "authors", "ms/page")
    print("{:16s} {:17s} {:>5s} {:>7s} {:>7s} {:>6s}  {:>9s} {:>9s} {:>8s}".format(*header))
    for name in args.only or EXTRACTORS:
        with tempfile.TemporaryDirectory() as tmp:
            timings = predict(name, pages, Path(tmp))
            rows = score(args.eval, args.texts, args.split, Path(tmp))
        for key in (*SITES, "ALL"):
            row = rows.get(key, {})
            ms = f"{statistics.median(timings):8.2f}" if key == "ALL" else ""
            print(
                f"{name:16s} {key:17s} {row.get('pages', '-'):>5s} {row.get('P', '-'):>7s} {row.get('R', '-'):>7s}"
                f" {row.get('F1', '-'):>6s}  {row.get('title', '-'):>9s} {row.get('authors', '-'):>9s} {ms:>8s}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
