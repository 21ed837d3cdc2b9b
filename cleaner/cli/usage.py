"""The command line's usage error: exit code 2 and one line naming the problem and the fix."""

from __future__ import annotations

import click


class UsageProblem(click.ClickException):
    """Printed as ``Error: <message>`` (no usage block, no traceback); exit code 2."""

    exit_code = 2
