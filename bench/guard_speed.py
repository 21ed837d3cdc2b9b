"""Speed of the per-site path (with the guard) against generic extraction, and the guard's cost.

    python bench/guard_speed.py [--repeat 30]

On the seed dumps (and the HTML fixtures, when present) it prints, side by side: documents
per second and median milliseconds per document for the per-site path, for the per-site
path without the guard's review step, and for the generic extractor of the same kind
(the line heuristic for dumps, trafilatura for HTML), and the ratios.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from cleaner import guard, pipeline
from cleaner.inputs.document import Document, load_document
from cleaner.outputs.article import Article
from cleaner.rules.registry import default_registry

ROOT = Path(__file__).resolve().parent.parent


def pages(kind: str) -> list[Document]:
    pattern = "seeds/*.txt" if kind == "text" else "fixtures/*/*.html"
    files = sorted(ROOT.glob(pattern))
    return [load_document(path.read_bytes(), source=path.name) for path in files]


def timed(run: Callable[[Document], object], documents: list[Document], repeat: int) -> list[float]:
    """Seconds per document, one sample per (repeat, document)."""
    for document in documents:  # warm caches: compiled patterns, registry
        run(document)
    samples = []
    for _ in range(repeat):
        for document in documents:
            start = time.perf_counter()
            run(document)
            samples.append(time.perf_counter() - start)
    return samples


def generic(document: Document) -> None:
    guard.generic_body(document)


def review_only(registry, review) -> Callable[[Document], object]:
    """The review step alone, on the article each page's rule produced (copied per call)."""
    articles: dict[int, tuple[Article, bool]] = {}

    def run(document: Document) -> object:
        if id(document) not in articles:
            seen: dict[str, object] = {}

            def capture(document, article, *, landmarks_found):
                seen["article"], seen["found"] = copy.deepcopy(article), landmarks_found
                return article

            guard.review = capture  # type: ignore[assignment]
            try:
                pipeline.clean_document(document, registry=registry)
            finally:
                guard.review = review
            articles[id(document)] = (seen["article"], seen["found"])  # type: ignore[assignment]
        article, found = articles[id(document)]
        return review(document, copy.copy(article), landmarks_found=found)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    registry = default_registry()
    review = guard.review

    def with_guard(document: Document) -> None:
        pipeline.clean_document(document, registry=registry)

    def without_guard(document: Document) -> None:
        guard.review = lambda document, article, *, landmarks_found: article  # type: ignore[assignment]
        try:
            pipeline.clean_document(document, registry=registry)
        finally:
            guard.review = review

    print(f"{'kind':<5} {'path':<28} {'docs/s':>9} {'median ms/doc':>14} {'x generic':>10}")
    for kind in ("text", "html"):
        documents = pages(kind)
        if not documents:
            continue
        results = {
            "per-site (with guard)": timed(with_guard, documents, args.repeat),
            "per-site (no guard review)": timed(without_guard, documents, args.repeat),
            "generic": timed(generic, documents, args.repeat),
        }
        generic_median = statistics.median(results["generic"])
        for name, samples in results.items():
            median = statistics.median(samples)
            rate = len(samples) / sum(samples)
            print(f"{kind:<5} {name:<28} {rate:>9.0f} {median * 1000:>14.3f} {generic_median / median:>9.1f}x")
        review_alone = statistics.median(timed(review_only(registry, review), documents, args.repeat))
        guarded = statistics.median(results["per-site (with guard)"])
        share = review_alone / guarded * 100
        print(f"{kind:<5} guard review alone: {review_alone * 1e6:.1f} µs/doc ({share:.2f}% of the per-site path)")
        print(f"{kind:<5} documents: {len(documents)}, repeats: {args.repeat}")


if __name__ == "__main__":
    main()
