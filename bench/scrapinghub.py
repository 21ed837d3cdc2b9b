"""The generic HTML path against the ScrapingHub article-extraction benchmark.

Runs ``cleaner`` (forced onto its generic path, as for a site without a rule) and
``trafilatura.extract`` with its defaults over the same pages in the same process, scores
both with the data set's own metric and prints one table with throughput.

The metric (the benchmark's ``evaluate.py``): Unicode ``\\w+`` tokens, no lower-casing;
multisets of word 4-gram shingles (a text of 1-3 tokens is one shingle); per page,
precision and recall of the predicted shingles against the ``articleBody`` shingles, a
page where both are empty scoring 1; precision averaged over pages with a prediction,
recall over pages with a truth; F1 the harmonic mean of the two averages.

Usage: python bench/scrapinghub.py [--data DIR] [--repeat N] [--limit N]
The data set is looked for in ``../shared/benchmarks/scrapinghub-article-extraction-benchmark``
relative to the repository root, or in $CLEANER_SCRAPINGHUB_DIR, or in --data.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from cleaner import clean

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "scrapinghub-article-extraction-benchmark"
ENV_VAR = "CLEANER_SCRAPINGHUB_DIR"
SHINGLE = 4
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str | None
    html: bytes
    truth: str


def find_data(option: str | None) -> Path:
    path = Path(option or os.environ.get(ENV_VAR) or DEFAULT_DATA)
    if not (path / "ground-truth.json").is_file() or not (path / "html").is_dir():
        sys.exit(
            f"benchmark data not found at {path}\n"
            f"expected ground-truth.json and html/*.html.gz there; pass --data DIR or set ${ENV_VAR}"
        )
    return path


def load_pages(data: Path, limit: int | None) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        html = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(page_id, truth[page_id].get("url"), html, truth[page_id].get("articleBody") or ""))
    return pages


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def score(predictions: list[str], pages: list[Page]) -> tuple[float, float, float]:
    precisions: list[float] = []
    recalls: list[float] = []
    for predicted, page in zip(predictions, pages, strict=True):
        pred, true = shingles(predicted), shingles(page.truth)
        if not pred and not true:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        overlap = sum((pred & true).values())
        if pred:
            precisions.append(overlap / sum(pred.values()))
        if true:
            recalls.append(overlap / sum(true.values()))
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_cleaner(page: Page) -> str:
    return clean(page.html, url=page.url, site="generic", kind="html").text


def run_trafilatura(page: Page) -> str:
    return trafilatura.extract(page.html.decode("utf-8", errors="replace"), url=page.url) or ""


def timed(extract: Callable[[Page], str], pages: list[Page], repeat: int) -> tuple[list[str], float]:
    """Outputs of the first pass, and the median docs/s over ``repeat`` passes."""
    outputs: list[str] = []
    rates: list[float] = []
    for attempt in range(repeat):
        started = time.perf_counter()
        results = [extract(page) for page in pages]
        rates.append(len(pages) / (time.perf_counter() - started))
        if attempt == 0:
            outputs = results
    return outputs, statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help=f"data set directory (default: {DEFAULT_DATA} or ${ENV_VAR})")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per extractor; the median is shown")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    args = parser.parse_args()

    pages = load_pages(find_data(args.data), args.limit)
    rows = []
    for name, extract in (("cleaner (generic path)", run_cleaner), ("trafilatura.extract", run_trafilatura)):
        outputs, rate = timed(extract, pages, max(1, args.repeat))
        rows.append((name, *score(outputs, pages), rate))

    print(f"ScrapingHub article-extraction benchmark: {len(pages)} pages, median of {max(1, args.repeat)} passes")
    print(f"{'extractor':<24} | {'P':>6} | {'R':>6} | {'F1':>6} | {'docs/s':>7}")
    print(f"{'-' * 24}-|-{'-' * 6}-|-{'-' * 6}-|-{'-' * 6}-|-{'-' * 7}")
    for name, precision, recall, f1, rate in rows:
        print(f"{name:<24} | {precision:6.3f} | {recall:6.3f} | {f1:6.3f} | {rate:7.1f}")


if __name__ == "__main__":
    main()
