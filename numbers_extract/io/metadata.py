"""What a document says about itself: its title, its publisher, its address and the day it was published,
as a web page's markup or a PDF's document information gives them ("" for what it does not say)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Metadata:
    """A document's title, publisher, URL and date of publication; "" where it does not say.

    For a web page (trafilatura's reading of its markup): the title, the site's name (``og:site_name`` and
    the like), the canonical URL and the date it was published. For a PDF (its document information):
    Title, Author and CreationDate. A text file says none of them."""

    title: str = ""
    publisher: str = ""
    url: str = ""
    published: str = ""  # an ISO 8601 date: YYYY-MM-DD, or YYYY-MM or YYYY where that is all it says


NO_METADATA = Metadata()


def metadata(title: str | None, publisher: str | None, url: str | None, published: str | None) -> Metadata:
    """Metadata from what a reader found (None for nothing): runs of whitespace made one space, and a date
    kept only when it is a real ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)."""
    return Metadata(_one_line(title), _one_line(publisher), _one_line(url), iso_date(published or ""))


def iso_date(text: str) -> str:
    """``text`` when it is an ISO 8601 calendar date of a real day (or month, or year), else ""."""
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        return ""
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return ""
    return match.group()


def _one_line(text: str | None) -> str:
    return " ".join(text.split()) if text else ""
