"""Bad HTML: the cleaner returns an Article, quickly, with the text it can find."""

import pytest

from cleaner import Article, clean
from cleaner.extract.html_dom import MAX_DEPTH, limit_depth, parse_html, walk_blocks
from tests.paths import FIXTURES

PARAGRAPH = "The committee published its findings on Tuesday after a long review of the evidence."
KI_PAGE = FIXTURES / "kyiv_independent" / "004_full.html"


def article_page(body: str, *, head: str = "") -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def clean_html(html: str | bytes, **kwargs) -> Article:
    article = clean(html, kind="html", **kwargs)
    assert isinstance(article, Article)
    return article


def test_200000_deep_nesting_keeps_the_text():
    depth = 200_000
    html = article_page("<div>" * depth + f"<p>{PARAGRAPH}</p>" + "</div>" * depth)
    article = clean_html(html)
    assert PARAGRAPH in article.text


def test_deep_nesting_without_end_tags_inside_a_site_page():
    page = KI_PAGE.read_text(encoding="utf-8")
    html = page.replace("</body>", "<section><span>" * 20_000 + f"<p>{PARAGRAPH}</p></body>")
    article = clean_html(html)
    assert article.site == "kyiv_independent"
    assert article.blocks


def test_depth_limit_keeps_shallow_pages_unchanged_and_flattens_deep_ones():
    shallow = article_page("<div><p>a</p></div>" * 2000)
    assert limit_depth(shallow) == shallow
    deep = "<div>" * (MAX_DEPTH * 3) + "x" + "</div>" * (MAX_DEPTH * 3)
    tree = parse_html(limit_depth(deep))
    node, depth = tree.css_first("div"), 0
    while node is not None and node.tag == "div":
        node, depth = node.child, depth + 1
    assert depth <= MAX_DEPTH
    assert "x" in (tree.body.text() or "")


def test_walking_a_deep_tree_is_not_recursive():
    depth = MAX_DEPTH
    tree = parse_html("<blockquote>" * depth + "deep" + "</blockquote>" * depth)
    blocks = walk_blocks(tree.body)
    assert [(block.kind, block.text) for block in blocks] == [("quote", "deep")]


def test_malformed_markup():
    html = (
        "<html><body><div class=post><p>First <b>bold <i>nested</p><p>Second paragraph</div></span>"
        f"<p>{PARAGRAPH}<table><td>cell</tr></li></body></html></div>"
    )
    article = clean_html(html)
    assert PARAGRAPH in article.text


def test_huge_attributes():
    html = article_page(f'<div data-blob="{"x" * 5_000_000}"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>')
    html = html.replace("<head>", f'<head><meta name="description" content="{"y" * 1_000_000}">')
    article = clean_html(html)
    assert PARAGRAPH in article.text
    assert "xxxx" not in article.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Only a head</title></head></html>",
        "<html><body></body></html>",
        "<!DOCTYPE html><html>",
        "<p>",
    ],
)
def test_pages_without_a_body(html):
    article = clean_html(html)
    assert article.blocks == [] or all(block.text for block in article.blocks)


def test_no_body_in_a_site_page():
    page = KI_PAGE.read_text(encoding="utf-8")
    head_only = page[: page.index("<body")] + "</html>"
    article = clean_html(head_only)
    assert article.site == "kyiv_independent"
    assert article.title == "Trump, Putin call 'going well,' White House official says"
    assert "empty_body" in article.warnings


CYRILLIC = "Комитет опубликовал свои выводы во вторник после долгой проверки доказательств."


@pytest.mark.parametrize(("declared", "actual"), [("utf-8", "cp1251"), ("windows-1251", "utf-8")])
def test_meta_charset_lying_about_the_encoding(declared, actual):
    html = article_page(f"<article><p>{CYRILLIC}</p><p>{CYRILLIC}</p><p>{CYRILLIC}</p></article>")
    html = html.replace("charset='utf-8'", f"charset='{declared}'")
    article = clean_html(html.encode(actual))
    assert CYRILLIC in article.text


NON_CONTENT = {
    "script": "<script>var leaked = 'SCRIPTLEAK';</script>",
    "style": "<style>.x::after { content: 'STYLELEAK'; }</style>",
    "noscript": "<noscript>NOSCRIPTLEAK please enable JavaScript</noscript>",
    "template": "<template><p>TEMPLATELEAK placeholder paragraph</p></template>",
}


@pytest.mark.parametrize("page", ["generic", "site"])
def test_script_style_noscript_template_never_reach_the_output(page):
    junk = "".join(NON_CONTENT.values())
    if page == "site":
        html = KI_PAGE.read_text(encoding="utf-8").replace("<p>U.S. President", junk + "<p>U.S. President", 1)
    else:
        html = article_page(f"<article><h1>A headline</h1>{junk}<p>{PARAGRAPH}</p>{junk}<p>{PARAGRAPH}</p></article>")
    article = clean_html(html)
    assert article.blocks
    output = article.text + " ".join(str(value) for value in article.to_dict().values())
    for marker in ("SCRIPTLEAK", "STYLELEAK", "NOSCRIPTLEAK", "TEMPLATELEAK"):
        assert marker not in output
