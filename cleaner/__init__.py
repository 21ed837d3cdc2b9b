"""cleaner: strip boilerplate from scraped news pages, keep the article and its metadata."""

from cleaner.errors import CleanerError, InputError, RuleError, UnknownSiteError
from cleaner.outputs.article import Article, Block, Removal
from cleaner.pipeline import clean

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "CleanerError",
    "InputError",
    "Removal",
    "RuleError",
    "UnknownSiteError",
    "__version__",
    "clean",
]
