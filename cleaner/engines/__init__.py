"""Engines: the same per-page function over many documents, in-process, in a process pool, as a
Ray Data map (``ray``) or as a datatrove pipeline step (``datatrove``)."""
