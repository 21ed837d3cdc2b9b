"""Many documents at once: the streaming API (``cleaner.batch.clean_many``).

The engine lives in :mod:`cleaner.engines.local`; this module is its stable import path.
"""

from cleaner.engines.local import Options, Outcome, RunReport, clean_many, discover
from cleaner.inputs.records import RecordFields, record_source
from cleaner.inputs.source import Source

__all__ = ["Options", "Outcome", "RecordFields", "RunReport", "Source", "clean_many", "discover", "record_source"]
