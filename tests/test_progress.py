"""The progress bar: on a terminal only, on standard error, silenced by -q."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

from click.testing import CliRunner

from cleaner.cli.app import main
from tests.corpus import write_files
from tests.paths import ROOT


def on_a_terminal(*args) -> tuple[str, str]:
    """Run the command with standard error on a pseudo-terminal: (stdout, what the terminal showed)."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 24 rows, 100 columns
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "cleaner", *map(str, args)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=terminal, env=env)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    stdout, _ = process.communicate(timeout=60)
    os.close(controller)
    return stdout.decode(), shown.decode(errors="replace")


def test_a_terminal_shows_documents_rate_eta_and_failures(tmp_path):
    pages = tmp_path / "pages"
    write_files(pages, 6)
    (pages / "empty.txt").write_text("", encoding="utf-8")
    _, shown = on_a_terminal("clean", pages, "-o", tmp_path / "out")
    assert "7/7" in shown and "docs/s" in shown and "failed=1" in shown
    assert "<00:00" in shown  # the estimated time left, known as the number of pages is
    assert "7 documents: 6 cleaned, 1 failed" in shown


def test_quiet_on_a_terminal_shows_no_bar(tmp_path):
    pages = tmp_path / "pages"
    write_files(pages, 3)
    _, shown = on_a_terminal("clean", pages, "-o", tmp_path / "out", "-q")
    assert "docs/s" not in shown and "3/3" not in shown


def test_no_bar_when_standard_error_is_not_a_terminal(tmp_path):
    pages = tmp_path / "pages"
    write_files(pages, 3)
    result = CliRunner().invoke(main, ["clean", str(pages), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "docs/s" not in result.stderr and "3/3" not in result.stderr
