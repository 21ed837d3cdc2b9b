"""Site knowledge lives in site_rules/: the package itself names no site."""

import re

from tests.paths import ROOT

SITE_STRINGS = re.compile(r"kyiv|moscow|euromaidan|patreon|mistape|kg-bookmark|ghost", re.IGNORECASE)


def test_no_site_name_or_site_string_in_the_package():
    hits = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "cleaner").rglob("*"))
        if path.is_file() and path.suffix in (".py", ".json", ".md", ".txt", ".tmpl", "")
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1)
        if SITE_STRINGS.search(line)
    ]
    assert hits == []
