"""Extraction: text dumps and HTML into typed blocks and metadata, by rule or generically."""
