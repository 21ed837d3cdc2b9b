"""The per-site HTML path lists what lies outside the content root only when the audit is
read, and the audit it then gives is the one a full walk of the page gives."""

import pickle

import pytest

from cleaner import clean
from cleaner.extract import html_dom
from cleaner.extract.html_dom import limit_depth, parse_html, walk_blocks, walk_inside
from cleaner.outputs.article import Article, Removal
from tests.paths import FIXTURES

HTML_FIXTURES = sorted(FIXTURES.glob("*/*.html"))


@pytest.mark.parametrize("page", HTML_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_outside_audit_waits_until_it_is_read(page, monkeypatch):
    walks = []
    real_walk = html_dom.walk_blocks
    monkeypatch.setattr("cleaner.extract.html.walk_blocks", lambda *a, **k: walks.append(k) or real_walk(*a, **k))
    article = clean(page.read_bytes(), site=page.parent.name)
    article.to_dict()
    assert not [k for k in walks if k.get("inside") is not None]
    assert article.audit_deferred
    outside = [removal for removal in article.removed if removal.rule.startswith("html.outside:")]
    assert outside and not article.audit_deferred


def test_deferred_removals_take_their_place_in_the_audit():
    article = Article(site="x")
    article.removed = [Removal("first", "a")]
    article.defer_removals(lambda: [Removal("deferred", "b")])
    article.audit_listed.append(Removal("last", "c"))
    assert [removal.rule for removal in article.removed] == ["first", "deferred", "last"]


def test_an_article_with_a_deferred_audit_pickles_with_its_audit():
    article = Article(site="x")
    article.defer_removals(lambda: [Removal("deferred", "b")])
    copy = pickle.loads(pickle.dumps(article))
    assert [removal.rule for removal in copy.removed] == ["deferred"]


def test_replacing_the_audit_drops_what_was_deferred():
    article = Article(site="x")
    article.defer_removals(lambda: [Removal("deferred", "b")])
    article.removed = [Removal("generic", "c")]
    assert [removal.rule for removal in article.removed] == ["generic"]


SHAPES = {
    "plain": "<div><p>before</p><div id=root><p>one</p>two<br>three</div><p>after</p></div>",
    "in a list item": "<ul><li>item <div id=root>inside <b>bold</b></div> tail</li></ul>",
    "in a quote": "<blockquote><section><div id=root><p>quoted</p>loose</div></section></blockquote>",
    "in a figcaption": "<figure><figcaption><span id=root>credit <i>x</i></span></figcaption></figure>",
    "in noscript": "<noscript><div id=root><p>hidden</p></div></noscript><p>shown</p>",
    "inline root": "<p>lead <span id=root>inner <em>text</em></span> end</p>",
    "with template": "<div id=root><p>a</p><template><p>kept out</p></template><noscript>n</noscript></div>",
}


@pytest.mark.parametrize("shape", SHAPES)
def test_walking_the_root_alone_gives_the_root_blocks_of_a_whole_walk(shape):
    body = parse_html(f"<html><body>{SHAPES[shape]}</body></html>").body
    root = body.css_first("#root")
    skipped_whole: list[tuple[str, str]] = []
    skipped_inside: list[tuple[str, str]] = []
    whole = [block for block in walk_blocks(body, inside=root, skipped=skipped_whole) if block.in_root]
    assert walk_inside(body, root, skipped=skipped_inside) == whole
    assert skipped_inside == skipped_whole


def test_a_root_that_is_the_walked_element_itself_holds_nothing():
    body = parse_html("<html><body><p>text</p></body></html>").body
    assert walk_inside(body, body) == [block for block in walk_blocks(body, inside=body) if block.in_root] == []


def test_depth_is_measured_as_before_with_void_and_self_closing_tags():
    page = "<div>" * 600 + "<br/><img src=x><p>a<p>b<li>c" + "<span/>" * 900 + "<section>" * 500 + "x"
    flattened = limit_depth(page, max_depth=1000)
    assert flattened != page
    assert flattened.count("<section>") == 400
    assert limit_depth(page, max_depth=1100) == page


def random_markup(rng, depth=0):
    tags = ["div", "p", "span", "b", "li", "ul", "blockquote", "figcaption", "section", "a", "noscript", "h2"]
    parts = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.3 or depth > 4:
            parts.append(rng.choice(["word", " ", "two words", "\n", "x y"]))
        elif roll < 0.38:
            parts.append(rng.choice(["<br>", "<img src=x>", "<hr>", "<!-- c -->"]))
        else:
            tag = rng.choice(tags)
            parts.append(f"<{tag}>{random_markup(rng, depth + 1)}</{tag}>")
    return "".join(parts)


def test_walking_the_root_alone_agrees_with_a_whole_walk_on_random_pages():
    import random

    rng = random.Random(5)
    for _ in range(400):
        body = parse_html(f"<html><body>{random_markup(rng)}</body></html>").body
        elements = [node for node in body.traverse() if node.is_element_node and node.mem_id != body.mem_id]
        for root in rng.sample(elements, min(3, len(elements))):
            skipped_whole: list[tuple[str, str]] = []
            skipped_inside: list[tuple[str, str]] = []
            whole = [block for block in walk_blocks(body, inside=root, skipped=skipped_whole) if block.in_root]
            assert walk_inside(body, root, skipped=skipped_inside) == whole, body.html
            assert skipped_inside == skipped_whole


def test_white_space_folds_as_the_documented_pattern_does():
    import random
    import unicodedata

    from cleaner.extract.normalize import _SPACE_RUN, normalize_text

    rng = random.Random(3)
    pieces = ["a", "é", "e\u0301", " ", "  ", "\t", "\n", "\u00a0", "\u200b", "\u2060", "\ufeff", "\u2028", "\x85"]
    pieces += ["\u3000", "\u202f", "\x1c", "\x1f", "\x0b", "\u180e", "\u200a", "—", "“"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert normalize_text(text) == _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip(), repr(text)


def test_dropped_elements_are_kept_as_copies_with_their_text():
    from cleaner.extract.html_dom import drop_selectors, node_text

    tree = parse_html("<body><div id=a><p>one <b>two</b></p><aside class=x>inner</aside></div><p>after</p></body>")
    dropped = drop_selectors(tree.body, ("#a", ".x"))
    assert [(selector, node_text(copy)) for selector, copy in dropped] == [("#a", "one two inner")]
    assert node_text(tree.body) == "after"


@pytest.mark.parametrize("page", HTML_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_without_the_audit_the_article_is_the_same_and_holds_nothing_of_the_page(page):
    audited = clean(page.read_bytes(), site=page.parent.name)
    plain = clean(page.read_bytes(), site=page.parent.name, audit=False)
    assert plain.to_dict() == audited.to_dict()
    assert plain.removed == [] and not plain.audit_deferred


def test_the_text_of_an_element_is_that_of_its_walk():
    import random

    from cleaner.extract.html_dom import node_text

    rng = random.Random(9)
    for _ in range(400):
        html = random_markup(rng).replace("word", rng.choice(["word", "caf\u00e9", "a\u00a0b", "x&amp;y"]))
        body = parse_html(f"<html><body>{html}</body></html>").body
        for node in body.traverse():
            if node.is_element_node:
                walked = " ".join(block.text for block in walk_blocks(node, include_self=True))
                assert node_text(node) == walked, node.html
