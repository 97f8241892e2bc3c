"""``SOURCE_DATE_EPOCH``: the one reader of the time that makes outputs reproducible.

Calendars (DTSTAMP), meeting requests, the site and Word documents (the file times inside
the DOCX) all take the moment from here, so that one value means the same to each and a
value that names no time is refused the same way, in the reader's language.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from .errors import UsageError
from .i18n import tr

LAST_SECOND = int(datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone.utc).timestamp())
"""The last second a calendar date can name (RFC 5545 dates have four-digit years)."""


def from_epoch(text: str) -> datetime:
    """The moment ``SOURCE_DATE_EPOCH`` names: whole seconds since 1970-01-01 00:00 UTC, as
    ``date +%s`` and ``git log -1 --format=%ct`` write them (reproducible-builds.org's
    specification). Raises :class:`UsageError`, naming the value and what to write, for
    anything else: a negative number (a time before 1970), a fraction, a word, or a time
    after the year 9999."""
    value = text.strip()
    shown = value if len(value) <= 40 else f"{value[:39]}…"
    fix = tr("set it to the time of the plan's last commit (git log -1 --format=%ct), or unset it")
    if re.fullmatch(r"-[0-9]+", value):
        raise UsageError(tr("SOURCE_DATE_EPOCH={value} is before 1970: {fix}", value=shown, fix=fix))
    if not re.fullmatch(r"[0-9]+", value):
        raise UsageError(tr("SOURCE_DATE_EPOCH={value} is not a whole number of seconds since 1970: {fix}",
                            value=shown, fix=fix))
    if len(value.lstrip("0")) > len(str(LAST_SECOND)) or int(value) > LAST_SECOND:  # int() of 5000 digits fails
        raise UsageError(tr("SOURCE_DATE_EPOCH={value} is after the year 9999: {fix}", value=shown, fix=fix))
    return datetime.fromtimestamp(int(value), timezone.utc)


def fixed_time(source_date_epoch: str | None) -> datetime | None:
    """The moment a ``SOURCE_DATE_EPOCH`` value names (:func:`from_epoch`); None when it is
    unset or empty (the caller's own default then)."""
    return from_epoch(source_date_epoch) if source_date_epoch else None
