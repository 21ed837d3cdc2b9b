"""Built-in site rules: one module per site, each binding ``RULE`` to a ``SiteRule``."""
