"""Engines: the same per-page function over many documents, in-process, in a process pool or on Ray."""
