"""Errors that carry a reason a user can act on; the CLI prints them without a traceback."""


class CleanerError(Exception):
    """Base class of the errors the cleaner reports for one input."""


class InputError(CleanerError):
    """The input cannot be read as a page: binary, empty, undecodable, too large."""


class RuleError(CleanerError):
    """A site rule is malformed; the message names the file, field and reason."""


class UnknownSiteError(CleanerError):
    """A site id was asked for that no loaded rule has."""
