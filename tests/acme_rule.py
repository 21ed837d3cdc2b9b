"""A small rule file for a made-up site, written into temporary rule directories by tests."""

import textwrap

PAGE = "Acme Daily\nA headline about acme\nBy Jane Roe\n\nFirst paragraph of the story.\n\nSubscribe to Acme\n"


def rule_source(
    rule_id: str = "acme_daily",
    domain: str = "acme.example",
    boilerplate: str = r'r"Subscribe to Acme"',
    signature: str = r'r"^Acme Daily$"',
) -> str:
    return textwrap.dedent(
        f"""\
        from cleaner.rule import Layout, LinePattern, MetaLine, Signature, SiteRule, TextRule, TitleRule

        RULE = SiteRule(
            id="{rule_id}",
            name="Acme Daily",
            domains=("{domain}",),
            signatures=(Signature({signature}),),
            layouts=(
                Layout(
                    name="current",
                    text=TextRule(
                        boilerplate=(
                            LinePattern(id="masthead", pattern=r"Acme Daily"),
                            LinePattern(id="subscribe", pattern={boilerplate}),
                        ),
                        meta=(MetaLine(id="byline", pattern=r"By (?P<authors>.+)"),),
                        title=TitleRule(before=("byline",)),
                    ),
                ),
            ),
        )
        """
    )


def write(directory, name, text):
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path
