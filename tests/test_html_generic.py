"""HTML from a site without a rule: trafilatura's body, the page's own metadata, flagged."""

import json

import trafilatura

from cleaner import clean
from cleaner.extract.normalize import normalize_text

PARAGRAPHS = [
    "The city council voted on Monday to expand the network of cycle lanes across the old town.",
    "Supporters said the plan would cut traffic and make the narrow streets safer for children.",
    "Opponents argued that shop owners had not been consulted and that deliveries would suffer.",
    "The first new lanes are expected to open in the spring, the council said in a statement.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="de-AT"><head><meta charset="utf-8">
<title>Council expands cycle lanes | Example Gazette</title>
<link rel="canonical" href="https://gazette.example.org/2024/05/06/cycle-lanes">
<meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2024-05-06T09:30:00+02:00">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Council expands cycle lanes", "author": [{{"@type": "Person", "name": "Anna Berger"}},
 {{"@type": "Person", "name": "Tom Lind"}}], "keywords": ["Transport", "City council"]}}</script>
<script type="application/ld+json">{{ "broken": true, }}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Council expands cycle lanes</h1>
<p class="byline">By Anna Berger and Tom Lind</p>
{"".join(f"<p>{text}</p>" for text in PARAGRAPHS[:2])}
<h2>Critics</h2>
{"".join(f"<p>{text}</p>" for text in PARAGRAPHS[2:])}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Another story about something else</a></li></ul></aside>
<footer><p>© 2024 Example Gazette. All rights reserved.</p></footer>
</body></html>"""


def test_unknown_site_is_flagged_generic_with_markup_metadata():
    article = clean(PAGE)
    assert article.site == "generic"
    assert "generic_fallback" in article.warnings
    assert article.title == "Council expands cycle lanes"
    assert article.authors == ["Anna Berger", "Tom Lind"]
    assert article.published == "2024-05-06T09:30:00+02:00"
    assert article.tags == ["Transport", "City council"]
    assert article.language == "de"
    assert article.canonical_url == "https://gazette.example.org/2024/05/06/cycle-lanes"


def test_unknown_site_body_matches_trafilatura_and_keeps_block_types():
    article = clean(PAGE)
    texts = [block.text for block in article.blocks]
    for paragraph in PARAGRAPHS:
        assert paragraph in texts
    assert ("heading", "Critics") in [(block.type, block.text) for block in article.blocks]
    assert not any("rights reserved" in text or "Another story" in text for text in texts)
    reference = json.loads(trafilatura.extract(PAGE, output_format="json", include_comments=False))
    assert normalize_text(article.text) == normalize_text(reference["text"])


def _searches_of_the_page(monkeypatch) -> list[str]:
    """Record which of trafilatura's page searches for metadata run."""
    from trafilatura import metadata

    searched: list[str] = []
    for name in ("extract_author", "find_date", "extract_catstags", "extract_url", "extract_title", "extract_sitename"):
        real = getattr(metadata, name)

        def recorded(*args, _real=real, _name=name, **kwargs):
            searched.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(metadata, name, recorded)
    return searched


def test_trafilatura_searches_the_page_only_for_what_the_markup_lacks(monkeypatch):
    searched = _searches_of_the_page(monkeypatch)
    article = clean(PAGE)
    assert article.authors == ["Anna Berger", "Tom Lind"]
    assert searched == []


def test_a_field_the_markup_lacks_comes_from_trafilatura(monkeypatch):
    ld_authors = PAGE[PAGE.index('"author": [') : PAGE.index('"keywords"')]
    page = PAGE.replace(ld_authors, "").replace("article:published_time", "x-time")
    page = page.replace("<h1>", '<p class="date">6 May 2024</p><h1>')
    searched = _searches_of_the_page(monkeypatch)
    article = clean(page)
    assert "extract_author" in searched and "find_date" in searched
    assert "extract_catstags" not in searched  # the JSON-LD keywords give the tags
    assert article.authors == ["Anna Berger", "Tom Lind"]  # the byline, as trafilatura reads it
    assert article.published == "2024-05-06"


def test_a_metadata_search_that_fails_leaves_the_field_empty(monkeypatch):
    from trafilatura import metadata

    def fails(*args, **kwargs):
        raise ValueError("unreadable")

    monkeypatch.setattr(metadata, "extract_author", fails)
    ld_authors = PAGE[PAGE.index('"author": [') : PAGE.index('"keywords"')]
    article = clean(PAGE.replace(ld_authors, ""))
    assert article.authors == []
    assert article.title == "Council expands cycle lanes"
