"""When a workbook was written: now, or SOURCE_DATE_EPOCH's time for a workbook that must be byte-stable.

A workbook is a zip archive, and it holds the time it was written three times over: in the About sheet,
in its document properties (``docProps/core.xml``: created, modified) and in the date of each zip
entry. Where the environment sets ``SOURCE_DATE_EPOCH`` (seconds since 1970, the reproducible-builds
convention: https://reproducible-builds.org/specs/source-date-epoch/) all three are that time, so the
same figures give the same bytes; ``samples/make.sh`` sets it, which keeps the committed samples as
they are when they are made again. A value that is no whole number of seconds is passed over (now).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import zipfile

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
CORE_PROPERTIES = "docProps/core.xml"
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")
_ZIP_FIRST_DAY = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # a zip entry can be dated no earlier
_ENTRY_MODE = (stat.S_IFREG | 0o644) << 16  # a regular file, readable by all: not the mode of a temporary file
_UNIX = 3  # the zip "made by" system, fixed: it is otherwise the system of the writer


def source_date() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH's time (UTC), or None where it is not set or is no whole number of seconds."""
    given = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    if not given.isascii() or not given.isdigit():
        return None
    try:
        return dt.datetime.fromtimestamp(int(given), dt.UTC)
    except (OverflowError, OSError, ValueError):  # past the years a datetime holds
        return None


def written_at() -> dt.datetime:
    """The time a workbook is written: SOURCE_DATE_EPOCH's where it is set, else now (UTC)."""
    return source_date() or dt.datetime.now(dt.UTC)


def dated_entry(name: str, when: dt.datetime) -> zipfile.ZipInfo:
    """A zip entry for ``name`` dated ``when`` (1980 at the earliest), deflated, with one mode and system:
    an archive of such entries depends on its content alone."""
    entry = zipfile.ZipInfo(name, max(when, _ZIP_FIRST_DAY).astimezone(dt.UTC).timetuple()[:6])
    entry.compress_type, entry.external_attr, entry.create_system = zipfile.ZIP_DEFLATED, _ENTRY_MODE, _UNIX
    return entry


def dated_core(core: bytes, when: dt.datetime) -> bytes:
    """The document properties (``CORE_PROPERTIES``) with their created and modified times ``when``."""
    stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return _CORE_DATES.sub(rb"\g<1>" + stamp + rb"\g<3>", core)
