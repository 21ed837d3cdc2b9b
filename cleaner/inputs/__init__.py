"""Inputs: bytes and files in, one Document per page."""
