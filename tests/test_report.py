"""The run report of a directory run: summary on stderr, JSON with --report."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from cleaner.cli.app import main
from tests.paths import SEED_FILES
from tests.test_guard import redesign


def test_directory_run_reports_documents_sites_fallbacks_warnings_failures(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for seed in SEED_FILES:
        shutil.copy(seed, root / seed.name)
    title = "Kremlin denies Putin, Trump to have phone call in coming days"
    (root / "redesigned.txt").write_text(redesign(SEED_FILES[0].read_text(encoding="utf-8"), title), encoding="utf-8")
    (root / "empty.txt").write_text("  \n", encoding="utf-8")
    report_path = tmp_path / "report.json"
    result = CliRunner().invoke(
        main,
        ["clean", str(root), "-o", str(tmp_path / "out"), "--site", "kyiv_independent", "--report", str(report_path)],
    )
    assert result.exit_code == 1  # one input failed
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["documents"] == 7 and report["succeeded"] == 6 and report["failed"] == 1
    assert report["per_site"] == {"kyiv_independent": 6}
    assert report["warnings"]["rule_anchor_missing"] >= 1
    assert "fallbacks" in report
    assert report["failures"][0]["input"].endswith("empty.txt")
    stderr = result.stderr
    assert "7 documents: 6 cleaned, 1 failed" in stderr
    assert "per site: kyiv_independent 6" in stderr
    assert "rule_anchor_missing" in stderr and "fallbacks:" in stderr and "empty.txt" in stderr
