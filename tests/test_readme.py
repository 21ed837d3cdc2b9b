"""The README's two commands are the ones CI and a new user run."""

import re

from tests.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"```sh\n(.+?)\n```", README.split("## Usage")[0])


def test_readme_starts_with_two_fresh_machine_commands():
    assert len(COMMANDS) == 2
    install_and_run, install_and_test = COMMANDS
    assert "pip install ." in install_and_run and "cleaner clean seeds" in install_and_run
    assert 'pip install ".[test]"' in install_and_test and "pytest" in install_and_test


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert COMMANDS[1] in ci.splitlines()
