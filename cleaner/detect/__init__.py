"""Site detection: which rule (and layout era) a page belongs to."""
