"""Many documents at once: the streaming API (``cleaner.batch.clean_many``).

The engine lives in :mod:`cleaner.engines.local`; this module is its stable import path.
"""

from cleaner.engines.local import Options, Outcome, RunReport, Source, clean_many, discover, record_source

__all__ = ["Options", "Outcome", "RunReport", "Source", "clean_many", "discover", "record_source"]
