"""Learning a site's boilerplate from its own pages: induce, --learn, learned state, rejections."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cleaner.cli.app import main
from cleaner.learn.learner import PageSample, learn_group
from cleaner.learn.state import load_state
from cleaner.learn.writer import rule_source
from cleaner.rules.registry import Registry, load_file

TOPICS = [
    "harbour",
    "orchard",
    "library",
    "bridge",
    "market",
    "theatre",
    "museum",
    "railway",
]
QUOTE = "“We will rebuild every street of this town, stone by stone, whatever it costs us,” the mayor told the crowd."


def invented_page(number: int, topic: str, *, quote: bool = False) -> str:
    """An invented page of an invented site: a menu, a dateline, an appeal, an article, a footer."""
    body = [
        f"The {topic} committee met on Tuesday to discuss plans for the coming season in detail.",
        f"Residents asked how the {topic} would be paid for, and the committee promised a full answer.",
    ]
    if quote:
        body.append(QUOTE)
    body += [
        f"Work on the {topic} is due to start in spring if the council approves the budget next month.",
        f"Local traders said the {topic} would bring more visitors to the old quarter of the town.",
    ]
    return "\n".join(
        [
            "Home",
            "Sections",
            f"A new plan for the {topic}, number {number}",
            f"by Ada Finch March {number + 1}, 2024 {number + 1}:15 PM {number + 2} min read",
            "Listen to this story",
            *body,
            "Keep the Gazette free for everyone: give what you can today.",
            "Newsletter",
            "Sign up for the morning briefing",
            f"Copyright © {2010 + number} The Invented Gazette",
        ]
    )


def write_pages(folder: Path, *, quote_on: tuple[int, ...] = ()) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, topic in enumerate(TOPICS):
        path = folder / f"page{number}.txt"
        path.write_text(invented_page(number, topic, quote=number in quote_on), encoding="utf-8")
        paths.append(path)
    return paths


def test_induce_writes_a_rule_that_check_accepts_and_that_cleans_the_pages(tmp_path):
    pages = write_pages(tmp_path / "pages")
    rules = tmp_path / "rules"
    rules.mkdir()
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "induce",
            str(tmp_path / "pages"),
            "--name",
            "gazette",
            "--domain",
            "gazette.example",
            "-o",
            str(rules / "gazette.py"),
        ],
    )
    assert result.exit_code == 0, result.output
    source = (rules / "gazette.py").read_text(encoding="utf-8")
    assert "pages (" in source and "e.g." in source  # a comment per pattern: share and example
    checked = runner.invoke(main, ["check", str(rules / "gazette.py")])
    assert checked.exit_code == 0, checked.output
    cleaned = runner.invoke(
        main, ["clean", str(pages[0]), "--rules", str(rules), "--site", "gazette", "--no-builtin-rules"]
    )
    assert cleaned.exit_code == 0, cleaned.output
    article = json.loads(cleaned.stdout.splitlines()[0])
    assert "The harbour committee met on Tuesday" in article["text"]
    for boilerplate in ("Listen to this story", "Keep the Gazette free", "Sign up for the morning", "Copyright"):
        assert boilerplate not in article["text"]


def test_learn_keeps_a_quote_that_other_articles_repeat(tmp_path):
    write_pages(tmp_path / "pages", quote_on=(1, 3, 5, 7))
    result = CliRunner().invoke(
        main,
        [
            "clean",
            str(tmp_path / "pages"),
            "--learn",
            "--no-builtin-rules",
            "--audit",
            "--report",
            str(tmp_path / "r.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    quoted = [a for a in articles if a["source"] in ("page1.txt", "page3.txt", "page5.txt", "page7.txt")]
    assert len(quoted) == 4
    for article in quoted:
        assert QUOTE in article["text"]
        assert "learned_rule" in article["warnings"]
        assert "Keep the Gazette free" not in article["text"]
        assert any(removal["rule"].startswith("learned:") for removal in article["removed"])
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    group = report["learning"][0]
    assert group["pages"] == 8 and group["patterns"]


def test_rejected_candidates_say_why():
    samples = [PageSample(tuple(invented_page(n, t, quote=n % 2 == 1).split("\n"))) for n, t in enumerate(TOPICS)]
    group = learn_group("text:x", "text", samples)
    reasons = {item.example: item.reason for item in group.rejected}
    assert QUOTE in reasons
    assert "inside article bodies" in reasons[QUOTE] or "quote" in reasons[QUOTE]
    assert not any(pattern.example == QUOTE for pattern in group.patterns)


def test_a_group_too_small_learns_nothing_and_says_so(tmp_path):
    write_pages(tmp_path / "pages")
    for extra in list((tmp_path / "pages").iterdir())[2:]:
        extra.unlink()
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "pages"), "--learn", "--no-builtin-rules"])
    assert result.exit_code == 0
    assert "too few pages to learn from" in result.stderr


def test_learned_state_is_json_that_round_trips(tmp_path):
    write_pages(tmp_path / "pages")
    state_file = tmp_path / "learned.json"
    runner = CliRunner()
    first = runner.invoke(
        main, ["clean", str(tmp_path / "pages"), "--learn", "--learned-rules", str(state_file), "--no-builtin-rules"]
    )
    assert first.exit_code == 0, first.output
    data = json.loads(state_file.read_text(encoding="utf-8"))
    assert data["format"] == "cleaner-learned-state"
    state = load_state(state_file)
    assert json.loads(state.to_json()) == data
    again = runner.invoke(
        main, ["clean", str(tmp_path / "pages"), "--learned-rules", str(state_file), "--no-builtin-rules"]
    )
    assert again.exit_code == 0, again.output
    assert [json.loads(line)["text"] for line in again.stdout.splitlines()] == [
        json.loads(line)["text"] for line in first.stdout.splitlines()
    ]


def test_learned_rules_file_that_is_not_a_state_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    write_pages(tmp_path / "pages")
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "pages"), "--learned-rules", str(bad)])
    assert result.exit_code == 2
    assert "not a learned state" in result.output


def test_no_builtin_rules_loads_no_builtin_site(tmp_path):
    result = CliRunner().invoke(main, ["clean", "-", "--no-builtin-rules", "--site", "moscow_times"], input="x\n")
    assert result.exit_code == 2
    assert "no rule for site" in result.output


def test_written_rule_holds_only_literals(tmp_path):
    """A page line with quotes and backslashes ends up as a string literal, never as code."""
    tricky = '")); import os  # \\ evil'
    pages = [PageSample((tricky, f"Unique line {n} of an invented page.", "Footer text")) for n in range(4)]
    group = learn_group("text:x", "text", pages)
    source = rule_source(group, rule_id="tricky", name="Tricky", domains=("tricky.example",))
    path = tmp_path / "tricky.py"
    path.write_text(source, encoding="utf-8")
    registry = Registry()
    assert load_file(registry, path, override=True) is not None, registry.problems
    assert "import os" not in [line.strip() for line in source.splitlines()]


def invented_html(number: int, topic: str) -> str:
    paragraphs = "".join(
        f"<p>The {topic} plan number {number} was discussed at length by the council on a quiet evening {i}.</p>"
        for i in range(4)
    )
    return (
        "<html><head><title>Gazette</title></head><body>"
        '<nav class="site-menu"><a href="/">Home</a> <a href="/s">Sections</a></nav>'
        f"<article><h1>The {topic} plan</h1>{paragraphs}"
        '<div class="newsletter-box"><p>Sign up for the morning briefing, every day at seven.</p></div>'
        "</article></body></html>"
    )


def test_induce_learns_drop_selectors_of_repeated_html_subtrees(tmp_path):
    folder = tmp_path / "html"
    folder.mkdir()
    for number, topic in enumerate(TOPICS):
        (folder / f"page{number}.html").write_text(invented_html(number, topic), encoding="utf-8")
    result = CliRunner().invoke(main, ["induce", str(folder), "--name", "gazette", "--domain", "gazette.example"])
    assert result.exit_code == 0, result.output
    assert "'div.newsletter-box'" in result.stdout
    assert "article" not in [line.strip().strip("',") for line in result.stdout.splitlines()]


GAZETTE_RULE = """
from cleaner.rule import HtmlRule, Layout, SiteRule, TextRule

RULE = SiteRule(
    id="gazette",
    name="Gazette",
    domains=("gazette.example",),
    layouts=(Layout(name="main", text=TextRule(), html=HtmlRule(content=("body",), drop=("nav.site-menu",))),),
)
"""


def _html_pages(folder: Path) -> None:
    folder.mkdir()
    for number, topic in enumerate(TOPICS):
        (folder / f"page{number}.html").write_text(invented_html(number, topic), encoding="utf-8")


def _removals(stdout: str) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"]) for line in stdout.splitlines() for r in json.loads(line)["removed"]]


def test_learned_html_selectors_are_marked_learned_in_the_audit_without_a_rule(tmp_path):
    _html_pages(tmp_path / "html")
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "html"), "--learn", "--no-builtin-rules", "--audit"])
    assert result.exit_code == 0, result.output
    removals = _removals(result.stdout)
    newsletter = [rule for rule, text in removals if text.startswith("Sign up for the morning briefing")]
    assert newsletter and all(rule == "learned:html.drop:div.newsletter-box" for rule in newsletter)
    assert not any(rule.startswith("html.drop:") for rule, _ in removals)


def test_learned_html_selectors_are_marked_learned_next_to_a_rule_s_own(tmp_path):
    _html_pages(tmp_path / "html")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "gazette.py").write_text(GAZETTE_RULE, encoding="utf-8")
    args = ["clean", str(tmp_path / "html"), "--rules", str(rules), "--site", "gazette", "--audit"]
    result = CliRunner().invoke(main, [*args, "--learn"])
    assert result.exit_code == 0, result.output
    removals = _removals(result.stdout)
    assert len([r for r, _ in removals if r == "learned:html.drop:div.newsletter-box"]) == len(TOPICS)
    # The rule's own selector keeps its name, even where learning found it too.
    assert len([r for r, _ in removals if r == "html.drop:nav.site-menu"]) == len(TOPICS)
    without = CliRunner().invoke(main, args)
    assert not any(rule.startswith("learned:") for rule, _ in _removals(without.stdout))


REPLACEMENT_RULE = """
from cleaner.rule import Layout, LinePattern, SiteRule, TextRule

RULE = SiteRule(
    id="moscow_times",
    name="Replacement",
    domains=("gazette.example",),
    layouts=(
        Layout(
            name="main",
            text=TextRule(
                boilerplate=(LinePattern(id="moscow_times.briefing", pattern="Sign up for the morning briefing"),)
            ),
        ),
    ),
)
"""


def _replacement(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "replacement.py").write_text(REPLACEMENT_RULE, encoding="utf-8")
    return rules


def test_sites_with_no_builtin_rules_lists_only_the_given_ones(tmp_path):
    rules = _replacement(tmp_path)
    result = CliRunner().invoke(main, ["sites", "--json", "--rules", str(rules), "--no-builtin-rules"])
    assert result.exit_code == 0, result.output
    assert [(row["id"], row["name"]) for row in json.loads(result.stdout)] == [("moscow_times", "Replacement")]
    builtin = CliRunner().invoke(main, ["sites", "--json"])
    assert len(json.loads(builtin.stdout)) > 1


def test_check_with_no_builtin_rules_checks_a_replacement_alone(tmp_path):
    rule = _replacement(tmp_path) / "replacement.py"
    clash = CliRunner().invoke(main, ["check", str(rule)])
    assert clash.exit_code == 1 and "already defined" in clash.output
    alone = CliRunner().invoke(main, ["check", str(rule), "--no-builtin-rules"])
    assert alone.exit_code == 0, alone.output
    assert "moscow_times" in alone.output and "pass" in alone.output


def test_explain_with_no_builtin_rules_uses_the_given_rules_only(tmp_path):
    rules = _replacement(tmp_path)
    page = write_pages(tmp_path / "pages")[0]
    runner = CliRunner()
    missing = runner.invoke(main, ["explain", str(page), "--no-builtin-rules", "--site", "moscow_times"])
    assert missing.exit_code == 2 and "no rule for site" in missing.output
    args = ["explain", str(page), "--json", "--site", "moscow_times", "--rules", str(rules), "--no-builtin-rules"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "moscow_times.briefing" in result.stdout


def test_an_induced_rule_cuts_the_head_of_a_page_its_landmarks_miss(tmp_path):
    write_pages(tmp_path / "pages")
    rules = tmp_path / "rules"
    runner = CliRunner()
    induced = runner.invoke(
        main, ["induce", str(tmp_path / "pages"), "--name", "gazette", "--domain", "gazette.example"]
    )
    assert induced.exit_code == 0, induced.output
    assert "head_until_prose=True" in induced.stdout
    rules.mkdir()
    (rules / "gazette.py").write_text(induced.stdout, encoding="utf-8")
    # A page of another era of the site: none of the learned lines is on it.
    page = tmp_path / "older.txt"
    page.write_text(
        "\n".join(
            [
                "Front page",
                "Ferry timetable changes for the winter",
                "Posted in Transport by Lina Brook",
                "The ferry company said on Monday that boats will run every two hours from November onwards.",
                "Commuters said the change would make the morning crossing far harder for families.",
            ]
        ),
        encoding="utf-8",
    )
    args = ["clean", str(page), "--rules", str(rules), "--site", "gazette", "--no-builtin-rules", "--audit"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["text"].startswith("The ferry company said on Monday")
    assert "Commuters said" in article["text"]
    cut = [removal["text"] for removal in article["removed"] if removal["rule"] == "head:before_prose"]
    assert "Posted in Transport by Lina Brook" in cut


def _named_pages(folder: Path) -> None:
    """The invented site's pages, whose boilerplate names it in lines of two shapes."""
    folder.mkdir(parents=True)
    for number, topic in enumerate(TOPICS):
        page = invented_page(number, topic) + "\nSubscribe to the Invented Gazette\nNews Feed"
        (folder / f"page{number}.txt").write_text(page, encoding="utf-8")


def test_names_come_from_repeated_lines_of_several_shapes():
    pages = [
        PageSample(tuple((invented_page(n, t) + "\nSubscribe to the Invented Gazette\nNews Feed").split("\n")))
        for n, t in enumerate(TOPICS)
    ]
    group = learn_group("text:x", "text", pages)
    assert group.names == ("Invented Gazette",)  # "News Feed" is one line: a menu item, no name


def test_an_induced_rule_recognises_its_site_s_pages_and_not_others(tmp_path):
    _named_pages(tmp_path / "pages")
    rules = tmp_path / "rules"
    rules.mkdir()
    runner = CliRunner()
    args = ["induce", str(tmp_path / "pages"), "--name", "gazette", "--domain", "gazette.example"]
    result = runner.invoke(main, [*args, "-o", str(rules / "gazette.py")])
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["check", str(rules / "gazette.py")]).exit_code == 0
    prose = "The council said on Friday that the new road would open to traffic before the end of the year."
    pages = {
        # A later design of the site: none of the learned lines, but the site's name.
        "renamed.txt": f"The Invented Gazette weekend edition\n{prose}",
        # Two of its repeated lines, without the name.
        "lines.txt": f"Listen to this story\n{prose}\nSign up for the morning briefing",
        # Another site that shares one menu line with it.
        "other.txt": f"Listen to this story\n{prose}\nCopyright © 2020 The Other Paper",
    }
    sites = {}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        cleaned = runner.invoke(main, ["clean", str(tmp_path / name), "--rules", str(rules), "--no-builtin-rules"])
        assert cleaned.exit_code == 0, cleaned.output
        sites[name] = json.loads(cleaned.stdout)["site"]
    assert sites == {"renamed.txt": "gazette", "lines.txt": "gazette", "other.txt": "generic"}


PROMO_RULE = """
from cleaner.rule import Layout, LinePattern, SiteRule, TextRule

RULE = SiteRule(
    id="gazette",
    name="Gazette",
    domains=("gazette.example",),
    layouts=(
        Layout(
            name="main",
            text=TextRule(
                boilerplate=(LinePattern(id="promo", pattern=r"Our new podcast is out now, .*"),),
                head_until_prose=True,
            ),
        ),
    ),
)
"""


def test_head_until_prose_starts_at_the_first_paragraph_the_rule_left_in_the_body(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "gazette.py").write_text(PROMO_RULE, encoding="utf-8")
    page = tmp_path / "page.txt"
    lines = [
        # Prose the generic path would take for the first paragraph, but the rule removes.
        "Our new podcast is out now, with a fresh episode every morning for the journey to work.",
        "Front page",
        "Ferry timetable changes for the winter",
        "Posted in Transport by Lina Brook",
        "The ferry company said on Monday that boats will run every two hours from November onwards.",
        "Commuters said the change would make the morning crossing far harder for families.",
    ]
    page.write_text("\n".join(lines), encoding="utf-8")
    args = ["clean", str(page), "--rules", str(rules), "--site", "gazette", "--no-builtin-rules", "--audit"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["text"].startswith("The ferry company said on Monday")
    removed = {removal["text"]: removal["rule"] for removal in article["removed"]}
    assert removed[lines[0]] == "promo"
    assert removed["Posted in Transport by Lina Brook"] == "head:before_prose"


def test_learn_reads_jsonl_records_and_groups_them_by_their_urls_domain(tmp_path):
    records = tmp_path / "pages.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for number, topic in enumerate(TOPICS):
            record = {
                "id": f"r{number}",
                "url": f"https://gazette.invalid/{topic}",
                "text": invented_page(number, topic),
            }
            out.write(json.dumps(record) + "\n")
    args = ["clean", str(records), "--learn", "--no-builtin-rules", "--format", "jsonl", "-o", "-"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert [article["id"] for article in articles] == [f"r{n}" for n in range(len(TOPICS))]
    for article, topic in zip(articles, TOPICS, strict=True):
        assert "learned_rule" in article["warnings"]
        assert "Sign up for the morning briefing" not in article["text"]
        assert f"Local traders said the {topic} would bring more visitors" in article["text"]


def test_learn_refuses_standard_input_which_it_cannot_read_twice():
    result = CliRunner().invoke(main, ["clean", "-", "--learn"], input=invented_page(0, "harbour"))
    assert result.exit_code == 2
    assert "standard input" in result.output
