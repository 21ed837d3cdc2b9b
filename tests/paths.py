"""Where the project's test data lives."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
GOLD = FIXTURES / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
