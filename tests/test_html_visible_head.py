"""The per-site HTML path reads the visible text with the text rule for the article's head
only (the lines the head reader looks at), and the whole text only when its tail can still
change the article; either way the article is the one a read of the whole text gives."""

import random

import pytest

from cleaner import clean
from cleaner.extract import html as html_extract
from cleaner.extract.html_dom import parse_html, walk_blocks
from tests.paths import FIXTURES

HTML_FIXTURES = sorted(FIXTURES.glob("*/*.html"))
_WORDS = ["harbour", "ledger", "copper", "granite", "quarry", "meadow", "lantern", "orchard", "signal", "timber"]


def _invented_paragraphs(count: int) -> list[str]:
    rng = random.Random(3)
    return [
        " ".join(" ".join(rng.choice(_WORDS) for _ in range(12)).capitalize() + "." for _ in range(4))
        for _ in range(count)
    ]


def _grown(html: str, count: int = 40) -> str:
    """The page with invented paragraphs after the last paragraph of the article body."""
    at = html.rindex("</p>") + len("</p>")
    extra = "".join(f"\n<p>{text}</p>" for text in _invented_paragraphs(count))
    return html[:at] + extra + html[at:]


def _read_texts(monkeypatch) -> list[str]:
    texts: list[str] = []
    real = html_extract.extract_text
    monkeypatch.setattr(html_extract, "extract_text", lambda text, *a: texts.append(text) or real(text, *a))
    return texts


def _as_whole_read(page: str, site: str, monkeypatch) -> dict:
    with monkeypatch.context() as patched:
        patched.setattr(html_extract._HeadCut, "__call__", lambda self, block: False)
        return clean(page, site=site, kind="html").to_dict(audit=True)


@pytest.mark.parametrize("page", HTML_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("grow", [False, True], ids=["as_saved", "grown"])
def test_the_head_read_gives_the_article_of_a_whole_read(page, grow, monkeypatch):
    html = page.read_text(encoding="utf-8")
    html = _grown(html) if grow else html
    site = page.parent.name
    assert clean(html, site=site, kind="html").to_dict(audit=True) == _as_whole_read(html, site, monkeypatch)


def test_a_long_body_is_not_read_for_the_head(monkeypatch):
    page = _grown((FIXTURES / "moscow_times" / "003_minimal.html").read_text(encoding="utf-8"))
    texts = _read_texts(monkeypatch)
    article = clean(page, site="moscow_times", kind="html")
    invented = _invented_paragraphs(40)
    assert sum(text in article.text for text in invented) == 40
    assert len(texts) == 1
    assert sum(text in texts[0] for text in invented) <= 2 + html_extract._HEAD_LOOKAHEAD


def test_a_tail_line_fills_a_field_nothing_else_fills(monkeypatch):
    """No tag markup and no tag selector match: the tags line below the body gives the tags."""
    html = (FIXTURES / "moscow_times" / "003_minimal.html").read_text(encoding="utf-8")
    html = html.replace('property="article:tag"', 'property="x-tag"').replace('name="keywords"', 'name="x-keywords"')
    html = _grown(html.replace('class="article__tags"', 'class="article-topics"').replace("article__tags__tag", "t"))
    texts = _read_texts(monkeypatch)
    article = clean(html, site="moscow_times", kind="html")
    assert article.tags == ["Trump", "Putin", "Ukraine war"]
    assert len(texts) == 2  # the head, then the whole text for its tail
    assert article.to_dict(audit=True) == _as_whole_read(html, "moscow_times", monkeypatch)


@pytest.mark.parametrize("page", HTML_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_walk_cut_short_gives_the_first_blocks_of_a_whole_walk(page):
    body = parse_html(page.read_text(encoding="utf-8")).body
    whole = walk_blocks(body)
    for count in (1, 2, 5, len(whole) // 2, len(whole)):
        assert walk_blocks(body, until=_stop_after(count)) == whole[:count]


def _stop_after(count: int):
    seen: list[str] = []
    return lambda block: seen.append(block.text) or len(seen) == count
