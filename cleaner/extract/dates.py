"""Dates shown on pages, turned into ISO 8601 with the site's own UTC offset."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

_TIME_DIRECTIVES = ("%H", "%I", "%M")


def parse_shown_date(text: str, formats: tuple[str, ...], timezone: str) -> str | None:
    """Parse a date as the page shows it. A time of day gives a datetime with the UTC
    offset of ``timezone`` on that date; a date alone gives a plain date."""
    cleaned = " ".join(text.replace(".", ". ").split()).replace(" ,", ",")
    for candidate in dict.fromkeys((text.strip(), cleaned)):
        for fmt in formats:
            try:
                parsed = datetime.strptime(candidate, fmt)
            except ValueError:
                continue
            if any(directive in fmt for directive in _TIME_DIRECTIVES):
                return parsed.replace(tzinfo=ZoneInfo(timezone)).isoformat()
            return parsed.date().isoformat()
    return None


def to_site_time(value: str, timezone: str) -> str | None:
    """An ISO 8601 machine date expressed in the site's time zone; naive ones are taken as
    site-local. A date without a time stays a plain date."""
    value = value.strip()
    if not value:
        return None
    try:
        if len(value) == 10:
            return datetime.strptime(value, "%Y-%m-%d").date().isoformat()
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    zone = ZoneInfo(timezone)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=zone).isoformat()
    return parsed.astimezone(zone).isoformat()
