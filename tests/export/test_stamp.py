"""A workbook dated by SOURCE_DATE_EPOCH is byte-stable: the samples made again leave a clone clean."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from numbers_extract import Report, to_xlsx
from tests.figures_maker import figure

FIGURES = [
    figure("48 hours", "It took 48 hours.", value=48, low=48, high=48, unit="hour", kind="duration"),
    figure("1.5%", "Shares fell 1.5% on 15 May.", value=1.5, low=1.5, high=1.5, trend="down", kind="percent"),
]
DOCUMENTS = [Report("a.txt", 40, 2, "ok", "")]
EPOCH = "1000000000"  # 2001-09-09 01:46:40 UTC: no clock of a test run says so


def _write(path: Path) -> bytes:
    to_xlsx(FIGURES, path, documents=DOCUMENTS, about={"command": "numbers-extract a.txt -o figures.xlsx"})
    return path.read_bytes()


def _dates(path: Path) -> tuple[set[tuple[int, ...]], list[str], str]:
    """The zip entries' dates, the document properties' created and modified, the About sheet's written."""
    with zipfile.ZipFile(path) as book:
        entries = {item.date_time for item in book.infolist()}
        core = book.read("docProps/core.xml").decode()
    properties = re.findall(r"<dcterms:(?:created|modified)\b[^>]*>([^<]*)<", core)
    return entries, properties, str(dict(load_workbook(path)["About"].values)["written"])


def _values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path)
    return {name: [row for row in book[name].values if row[0] != "written"] for name in book.sheetnames}


def test_a_workbook_written_twice_with_source_date_epoch_is_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain.xlsx"
    _write(plain)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = _write(tmp_path / "first.xlsx")
    second = _write(tmp_path / "second.xlsx")
    assert first == second
    entries, properties, written = _dates(tmp_path / "first.xlsx")
    assert entries == {(2001, 9, 9, 1, 46, 40)}  # every entry, not the clock's time
    assert properties == ["2001-09-09T01:46:40Z", "2001-09-09T01:46:40Z"]
    assert written == "2001-09-09T01:46:40+00:00"
    assert _values(tmp_path / "first.xlsx") == _values(plain)  # dated, not changed
    with zipfile.ZipFile(plain) as before, zipfile.ZipFile(tmp_path / "first.xlsx") as after:
        assert before.namelist() == after.namelist()


def test_a_date_before_zip_dates_begin_dates_the_entries_1980(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    _write(tmp_path / "old.xlsx")
    entries, properties, written = _dates(tmp_path / "old.xlsx")
    assert entries == {(1980, 1, 1, 0, 0, 0)}  # a zip entry can be dated no earlier
    assert properties == ["1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"]
    assert written == "1970-01-01T00:00:00+00:00"


@pytest.mark.parametrize("given", [None, "", "soon", "-5", "1.5", "99999999999999999999"])
def test_without_a_whole_source_date_epoch_the_workbook_is_dated_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str | None
) -> None:
    if given is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", given)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    _write(tmp_path / "now.xlsx")
    _, properties, written = _dates(tmp_path / "now.xlsx")
    assert before <= dt.datetime.fromisoformat(written) <= dt.datetime.now(dt.UTC)
    assert before <= dt.datetime.fromisoformat(properties[1]) <= dt.datetime.now(dt.UTC)
