"""Site rules: the schema rule files are written in, the shared news-boilerplate layer,
loading, checking and scaffolding."""
