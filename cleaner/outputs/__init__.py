"""Outputs: the Article (the output contract) and the writers."""
