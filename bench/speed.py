"""Throughput of the cleaner's paths against their bare bounds and trafilatura, in one run.

    python bench/speed.py                 # all sections, short (< 2 min)
    python bench/speed.py --rounds 7      # more interleaved rounds
    python bench/speed.py --only html --only sizes

Sections, each printed as a table (median pages/s of interleaved rounds, ratios):

* ``text``: text dumps with their site given (the five seed dumps and the variant
  fixtures; the labelled real pages of $REAL_PAGES or ~/.cache/real-pages/*/dev when
  present, read in place) against a bare pass over the same lines: NFC and one regex
  per line.
* ``html``: the per-site HTML path on the HTML fixtures (site given) against a bare
  selectolax/lexbor parse and ``trafilatura.extract`` of the same pages.
* ``generic``: the generic HTML path against ``trafilatura.extract`` on the ScrapingHub
  article-extraction set (see ``scrapinghub.py``), with F1 beside speed.
* ``sizes``: per-page cost against page size, 10 KB to 1 MB, for a text dump and an
  HTML page of one site grown by invented paragraphs inside the article body; ms/page and
  ms/KB per size, so that a growth faster than linear shows as a rising ms/KB.

A round times one pass of every contender over the same pages, the contenders one after
the other; the figure is the median over rounds, so that the two noisy cores of a shared
machine disturb every contender alike. Time is this process's CPU time (pages/s per
core): other work on the machine then slows a contender's figure far less than wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex
import trafilatura
from selectolax.lexbor import LexborHTMLParser

from cleaner import clean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import scrapinghub  # noqa: E402  (a sibling script: its loader and metric)

SECTIONS = ("text", "html", "generic", "sizes")
SIZES_KB = (10, 30, 100, 300, 1000)
#: What the bare line pass runs per line: collapse runs of white space.
_BARE_LINE = regex.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    site: str | None
    content: str
    url: str | None = None


def median_rates(
    contenders: dict[str, Callable[[Page], object]], pages: Sequence[Page], rounds: int
) -> dict[str, float]:
    """Median pages/s of each contender over ``rounds`` interleaved passes (after one warm-up page)."""
    for run in contenders.values():
        run(pages[0])
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, run in contenders.items():
            started = time.process_time()
            for page in pages:
                run(page)
            rates[name].append(len(pages) / (time.process_time() - started))
    return {name: statistics.median(values) for name, values in rates.items()}


def print_table(
    title: str, pages: Sequence[Page], rates: dict[str, float], extra: dict[str, str] | None = None
) -> None:
    kb = statistics.median(len(page.content.encode()) for page in pages) / 1024
    print(f"\n## {title}: {len(pages)} pages, median {kb:.1f} KB")
    first = next(iter(rates.values()))
    header = "| contender | pages/s | ms/page | × first |" + (" F1 |" if extra else "")
    print(header)
    print("|---|---|---|---|" + ("---|" if extra else ""))
    for name, rate in rates.items():
        row = f"| {name} | {rate:,.0f} | {1000 / rate:.2f} | {rate / first:.2f} |"
        print(row + (f" {extra[name]} |" if extra else ""))


# --- text dumps -------------------------------------------------------------------------


def text_pages() -> list[Page]:
    pages = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        gold = json.loads((ROOT / "fixtures" / "seeds" / f"{path.stem}.json").read_text(encoding="utf-8"))
        pages.append(Page(path.name, gold["site"], path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "fixtures" / "variants").glob("*.txt")):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        pages.append(Page(path.name, expected["site"], path.read_text(encoding="utf-8")))
    return pages


def real_pages() -> list[Page]:
    root = Path(os.environ.get("REAL_PAGES") or Path.home() / ".cache" / "real-pages")
    return [
        Page(path.name, path.parent.parent.name, path.read_text(encoding="utf-8"))
        for path in sorted(root.glob("*/dev/*.txt"))
    ]


def bare_lines(page: Page) -> object:
    return [_BARE_LINE.sub(" ", line) for line in unicodedata.normalize("NFC", page.content).splitlines()]


def clean_with_site(page: Page) -> object:
    return clean(page.content, site=page.site)


def section_text(rounds: int) -> None:
    contenders = {"cleaner (site given)": clean_with_site, "bare NFC + one regex per line": bare_lines}
    pages = text_pages()
    print_table("text dumps, seeds and variants", pages, median_rates(contenders, pages, rounds))
    real = real_pages()
    if real:
        print_table("text dumps, real pages (dev)", real, median_rates(contenders, real, rounds))
    else:
        print("\n(no real pages found: set $REAL_PAGES)")


# --- per-site HTML ----------------------------------------------------------------------


def html_pages() -> list[Page]:
    return [
        Page(f"{path.parent.name}/{path.name}", path.parent.name, path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "fixtures").glob("*/*.html"))
    ]


def bare_parse(page: Page) -> object:
    return LexborHTMLParser(page.content).body


def trafilatura_extract(page: Page) -> object:
    return trafilatura.extract(page.content)


def section_html(rounds: int) -> None:
    contenders = {
        "cleaner (site given)": lambda page: clean(page.content, site=page.site, kind="html"),
        "cleaner (site detected)": lambda page: clean(page.content, kind="html"),
        "bare lexbor parse": bare_parse,
        "trafilatura.extract": trafilatura_extract,
    }
    pages = html_pages()
    print_table("per-site HTML, the fixtures", pages, median_rates(contenders, pages, rounds))


# --- generic HTML -----------------------------------------------------------------------


def bare_extraction_fast(page: Page) -> str:
    """The body extraction the generic path runs: no fallback extractors, no metadata."""
    document = trafilatura.bare_extraction(
        page.content, url=page.url, fast=True, with_metadata=False, include_comments=False, include_tables=True
    )
    return getattr(document, "text", None) or ""


def section_generic(rounds: int, limit: int | None) -> None:
    data = scrapinghub.find_data(None)
    loaded = scrapinghub.load_pages(data, limit)
    pages = [Page(page.id, None, page.html.decode("utf-8", errors="replace"), page.url) for page in loaded]
    truth = {page.id: page for page in loaded}
    contenders = {
        "cleaner generic": lambda page: clean(page.content, url=page.url, site="generic", kind="html").text,
        "trafilatura.extract": lambda page: trafilatura.extract(page.content, url=page.url) or "",
        # The body extraction the generic path makes, alone: its floor.
        "trafilatura.bare_extraction, fast, no metadata": bare_extraction_fast,
    }
    f1 = {}
    for name, run in contenders.items():
        _, _, score = scrapinghub.score([run(page) for page in pages], [truth[page.name] for page in pages])
        f1[name] = f"{score:.3f}"
    print_table("generic HTML, ScrapingHub set", pages, median_rates(contenders, pages, rounds), f1)


# --- page size --------------------------------------------------------------------------

_WORDS = [
    "harbour",
    "council",
    "lantern",
    "meadow",
    "report",
    "ministry",
    "river",
    "engineer",
    "volunteer",
    "winter",
    "bridge",
    "station",
    "archive",
    "signal",
    "village",
    "budget",
    "tunnel",
    "orchard",
    "factory",
    "ferry",
    "museum",
    "northern",
    "committee",
    "evening",
    "market",
    "district",
    "inquiry",
    "festival",
    "ledger",
    "copper",
    "granite",
    "quarry",
]


def invented_paragraphs(size: int, seed: int = 7) -> list[str]:
    """Paragraphs of invented prose, about ``size`` characters in all, no two alike."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 18))]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
        total += len(paragraphs[-1]) + 9
    return paragraphs


def grown_html(base: str, anchor: str, size: int) -> str:
    """``base`` with invented paragraphs after the first paragraph that follows ``anchor``."""
    start = base.index(anchor)
    at = base.index("</p>", start) + len("</p>")
    extra = "".join(f"\n<p>{text}</p>" for text in invented_paragraphs(size - len(base)))
    return base[:at] + extra + base[at:]


def grown_text(base: str, line_start: str, size: int) -> str:
    """``base`` with invented paragraphs after the line that begins with ``line_start``."""
    at = base.index("\n", base.index(line_start))
    extra = "".join(f"\n\n{text}" for text in invented_paragraphs(size - len(base)))
    return base[:at] + extra + base[at:]


def section_sizes(rounds: int) -> None:
    html_base = (ROOT / "fixtures" / "moscow_times" / "003_minimal.html").read_text(encoding="utf-8")
    text_base = (ROOT / "seeds" / "003_3fdf53b01003b2fc.txt").read_text(encoding="utf-8")
    gold = json.loads((ROOT / "fixtures" / "seeds" / "003_3fdf53b01003b2fc.json").read_text(encoding="utf-8"))
    first_body = gold["blocks"][0]["text"][:20]
    kinds: dict[str, tuple[Callable[[int], str], Callable[[Page], object]]] = {
        "text, cleaner": (
            lambda size: grown_text(text_base, first_body, size),
            lambda page: clean(page.content, site="moscow_times"),
        ),
        "HTML, cleaner": (
            lambda size: grown_html(html_base, 'class="article__content"', size),
            lambda page: clean(page.content, site="moscow_times", kind="html"),
        ),
        "HTML, bare parse": (lambda size: grown_html(html_base, 'class="article__content"', size), bare_parse),
        "HTML, trafilatura": (
            lambda size: grown_html(html_base, 'class="article__content"', size),
            trafilatura_extract,
        ),
    }
    print("\n## per-page cost against page size (moscow_times page, invented paragraphs in the body)")
    print("| path | " + " | ".join(f"{kb} KB ms/page (ms/KB)" for kb in SIZES_KB) + " |")
    print("|---|" + "---|" * len(SIZES_KB))
    for label, (build, run) in kinds.items():
        cells = []
        for kb in SIZES_KB:
            page = Page(f"{kb}KB", "moscow_times", build(kb * 1024))
            run(page)
            samples = []
            for _ in range(rounds):
                started = time.process_time()
                run(page)
                samples.append(time.process_time() - started)
            ms = statistics.median(samples) * 1000
            cells.append(f"{ms:.1f} ({ms / (len(page.content.encode()) / 1024):.3f})")
        print(f"| {label} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (text, html, sizes)")
    parser.add_argument("--generic-rounds", type=int, default=2, help="rounds over the ScrapingHub set")
    parser.add_argument("--limit", type=int, default=None, help="ScrapingHub pages to use (default all)")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only these sections")
    args = parser.parse_args(argv)
    sections = args.only or SECTIONS
    print(f"# bench/speed.py — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, one process")
    if "text" in sections:
        section_text(args.rounds)
    if "html" in sections:
        section_html(args.rounds * 4)
    if "generic" in sections:
        section_generic(args.generic_rounds, args.limit)
    if "sizes" in sections:
        section_sizes(args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
