"""Learning from a site's own pages, on the labelled real pages of the three sites.

For each site of the development set (``../shared/eval``), five ways to clean its pages:

  (a) built-in rule        the site's rule, the site given;
  (b) rule + learn         the same, with patterns learned from all the site's pages added;
  (c) generic              no rule: the generic text path;
  (d) generic + learn      no rule, patterns learned from all the site's pages;
  (e) induced, held out    a rule induced (``cleaner induce``) from the other half of the
                           site's pages (split halves, each half cleaned with the rule of the
                           other), dropped into a rule folder with the built-in rules off;
  (f) learned, halves      no rule, a learned state from the other half (as a saved
                           ``--learned-rules`` state is reused on new pages).

Each is scored with the set's own ``score.py`` (body-line precision / recall / F1). Page
texts come from --texts, $REAL_PAGES or ~/.cache/real-pages; they belong to their publishers.
Predictions, learned states and induced rules are written to a temporary folder only.

Usage: python bench/learning.py [--texts DIR] [--eval DIR] [--split dev]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from real_pages import DEFAULT_EVAL, SITES, score

from cleaner.inputs.document import Document, load_document
from cleaner.learn.run import induce_group, learn_from_documents
from cleaner.learn.state import LearnedState
from cleaner.learn.writer import rule_source
from cleaner.pipeline import clean_document, resolve_site
from cleaner.rules.registry import Registry, load_file, load_registry

Cleaner = Callable[[str, list[Document]], list[str]]


def _documents(paths: list[Path]) -> list[Document]:
    return [load_document(path.read_text(encoding="utf-8"), source=path.name) for path in paths]


def rule_only(site: str, docs: list[Document]) -> list[str]:
    return [clean_document(d, site=site, registry=BUILTIN).text for d in docs]


def rule_learn(site: str, docs: list[Document]) -> list[str]:
    state = learn_from_documents(docs, BUILTIN, site=site)
    return [clean_document(d, site=site, registry=BUILTIN, learned=state).text for d in docs]


def generic(site: str, docs: list[Document]) -> list[str]:
    return [clean_document(d, site="generic", registry=NO_RULES).text for d in docs]


def generic_learn(site: str, docs: list[Document]) -> list[str]:
    state: LearnedState = learn_from_documents(docs, NO_RULES)
    return [clean_document(d, registry=NO_RULES, learned=state).text for d in docs]


def _halves(docs: list[Document]) -> list[tuple[list[int], list[int]]]:
    """(learn, clean) index lists: every other page, both ways."""
    even, odd = list(range(0, len(docs), 2)), list(range(1, len(docs), 2))
    return [(even, odd), (odd, even)]


def induced_registry(docs: list[Document]) -> Registry:
    """A registry holding only the rule ``cleaner induce`` writes for ``docs``."""
    group = induce_group(docs)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "induced_site.py"
        path.write_text(rule_source(group, rule_id="induced_site", name="Induced", domains=("example.org",)))
        registry = Registry()
        if load_file(registry, path, override=True) is None:
            raise SystemExit(f"the induced rule does not load: {registry.problems}")
    return registry


def induced_halves(site: str, docs: list[Document]) -> list[str]:
    """Each half of the pages cleaned with a rule induced from the other half."""
    texts: dict[int, str] = {}
    for learn_half, clean_half in _halves(docs):
        registry = induced_registry([docs[i] for i in learn_half])
        for i in clean_half:
            texts[i] = clean_document(docs[i], site="induced_site", registry=registry).text
    return [texts[i] for i in range(len(docs))]


def induced_detection(pages: dict[str, list[Document]]) -> dict[str, tuple[int, int, int, int]]:
    """Per site: held-out pages of the site that a rule induced from its other half
    recognises without --site (by its signatures), and other sites' pages it claims."""
    found: dict[str, tuple[int, int, int, int]] = {}
    for site, docs in pages.items():
        own = claimed = others = 0
        for learn_half, clean_half in _halves(docs):
            registry = induced_registry([docs[i] for i in learn_half])
            own += sum(resolve_site(docs[i], registry)[0] is not None for i in clean_half)
            foreign = [doc for other, other_docs in pages.items() if other != site for doc in other_docs]
            claimed += sum(resolve_site(doc, registry)[0] is not None for doc in foreign)
            others += len(foreign)
        found[site] = (own, len(docs), claimed, others)
    return found


def learned_halves(site: str, docs: list[Document]) -> list[str]:
    """Each half cleaned with no rule and the state learned from the other half (saved and
    reused, as ``--learned-rules`` does): its pages are recognised by text signature."""
    texts: dict[int, str] = {}
    for learn_half, clean_half in _halves(docs):
        state = learn_from_documents([docs[i] for i in learn_half], NO_RULES)
        for i in clean_half:
            texts[i] = clean_document(docs[i], registry=NO_RULES, learned=state).text
    return [texts[i] for i in range(len(docs))]


RUNS: dict[str, Cleaner] = {
    "(a) built-in rule": rule_only,
    "(b) rule + learn": rule_learn,
    "(c) generic": generic,
    "(d) generic + learn": generic_learn,
    "(e) induced, halves": induced_halves,
    "(f) learned, halves": learned_halves,
}
BUILTIN = load_registry(use_env=False, use_entry_points=False)
NO_RULES = load_registry(use_env=False, use_entry_points=False, builtin=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_texts = os.environ.get("REAL_PAGES", str(Path.home() / ".cache" / "real-pages"))
    parser.add_argument("--texts", type=Path, default=Path(default_texts))
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--split", default="dev")
    args = parser.parse_args(argv)
    if not (args.eval / "score.py").exists():
        print(f"no labelled set at {args.eval} (give --eval DIR)", file=sys.stderr)
        return 2
    pages = {site: sorted((args.texts / site / args.split).glob("*.txt")) for site in SITES}
    if not any(pages.values()):
        print(f"no page texts under {args.texts}: rebuild them as {args.eval}/README.md says", file=sys.stderr)
        return 2
    print(f"{'run':22s} {'site':17s} {'pages':>5s} {'line P':>7s} {'line R':>7s} {'F1':>6s}")
    for name, run in RUNS.items():
        with tempfile.TemporaryDirectory() as tmp:
            for site, paths in pages.items():
                for path, text in zip(paths, run(site, _documents(paths)), strict=True):
                    target = Path(tmp) / site / args.split / path.stem
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.with_suffix(".txt").write_text(text, encoding="utf-8")
                    target.with_suffix(".json").write_text(json.dumps({}), encoding="utf-8")
            rows = score(args.eval, args.texts, args.split, Path(tmp))
        for key in (*SITES, "ALL"):
            row = rows.get(key, {})
            print(
                f"{name:22s} {key:17s} {row.get('pages', '-'):>5s} {row.get('P', '-'):>7s}"
                f" {row.get('R', '-'):>7s} {row.get('F1', '-'):>6s}"
            )
    print("\ninduced rule (other half), no --site: own pages recognised, other sites' pages claimed")
    detection = induced_detection({site: _documents(paths) for site, paths in pages.items() if paths})
    for site, (own, total, claimed, others) in detection.items():
        print(f"{site:17s} {own:>3d}/{total:<3d} {claimed:>3d}/{others}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
