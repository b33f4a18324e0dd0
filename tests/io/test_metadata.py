"""What a document says about itself: a saved page's title, site, canonical URL and date, a PDF's Title,
Author and CreationDate, on the workbook's Documents sheet and in the review page's document headers."""

from __future__ import annotations

import datetime as dt
import pickle
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from numbers_extract import Report, extract_files, read_document
from numbers_extract.cli import main
from numbers_extract.io.metadata import NO_METADATA, Metadata, iso_date
from numbers_extract.io.pdf import pdf_metadata
from tests.export.test_review import parse
from tests.pdf_maker import make_pdf

ARTICLE = (
    "<main><article><h1>Buses leave Damascus</h1><p>Some 1,600 people left in 32 buses, a monitoring group "
    "said on Monday.</p><p>The SDF has cleared more than 1,900 square miles in the past 48 hours.</p></article></main>"
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Buses leave Damascus</title>
<meta property="og:site_name" content="The Daily Example">
<link rel="canonical" href="https://news.example.com/2018/05/buses">
<meta property="article:published_time" content="2018-05-21T09:30:00+00:00">
</head><body>{ARTICLE}</body></html>
"""
BARE_PAGE = (
    f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'></head><body>{ARTICLE.replace('h1', 'p')}</body></html>"
)
REPORT_INFO = {"Title": "Annual report 2018", "Author": "World Bank", "CreationDate": "D:20190301120000+01'00'"}
FORMULA = '=HYPERLINK("http://evil.example","click me")'
SCRIPT = "<script>window.pwned=1</script>"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "inputs"
    root.mkdir()
    (root / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "bare.html").write_text(BARE_PAGE, encoding="utf-8")
    (root / "report.pdf").write_bytes(make_pdf(["It rose 7% in 2018."], info=REPORT_INFO))
    (root / "plain.pdf").write_bytes(make_pdf(["It rose 7% in 2018."]))
    (root / "notes.txt").write_text("It took 48 hours.", encoding="utf-8")
    return root


def _documents(path: Path) -> dict[str, tuple[object, ...]]:
    """The Documents sheet's rows by file name: title, publisher, url, published."""
    sheet = load_workbook(path)["Documents"]
    header = [cell.value for cell in sheet[1]]
    assert header[-4:] == ["title", "publisher", "url", "published"]
    return {Path(str(row[0])).name: row[-4:] for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_the_documents_sheet_has_what_each_page_and_pdf_says_about_itself(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.xlsx"
    assert main([str(folder), "-o", str(out), "--quiet", "--workers", "1"]) == 0
    assert _documents(out) == {
        "page.html": (
            "Buses leave Damascus",
            "The Daily Example",
            "https://news.example.com/2018/05/buses",
            dt.datetime(2018, 5, 21),
        ),
        "report.pdf": ("Annual report 2018", "World Bank", None, dt.datetime(2019, 3, 1)),  # the day as written
        "bare.html": (None, None, None, None),  # a page that says nothing of itself
        "plain.pdf": (None, None, None, None),  # a PDF without document information
        "notes.txt": (None, None, None, None),  # a text file never says
    }


def test_the_page_parsed_once_for_its_metadata_gives_the_text_trafilatura_gives(folder: Path) -> None:
    import trafilatura

    document = read_document(str(folder / "page.html"))
    assert document.text == trafilatura.extract(PAGE, include_comments=False, include_tables=True)
    assert (document.status, document.reason) == ("ok", "")


def test_metadata_comes_back_from_the_worker_processes(folder: Path) -> None:
    one: list[Report] = []
    two: list[Report] = []
    figures = list(extract_files(folder, on_document=one.append))
    assert list(extract_files(folder, on_document=two.append, workers=2)) == figures
    assert two == one
    assert {Path(r.doc).name: r.metadata.title for r in two if r.metadata.title} == {
        "page.html": "Buses leave Damascus",
        "report.pdf": "Annual report 2018",
    }
    assert pickle.loads(pickle.dumps(one)) == one


@pytest.mark.parametrize(
    ("written", "published"),
    [
        ("D:20190301120000+01'00'", "2019-03-01"),
        ("D:20191231235959Z", "2019-12-31"),  # the day as written, not moved to another zone
        ("D:201903", "2019-03"),  # as precise as it says, no more
        ("D:2019", "2019"),
        ("last Tuesday", ""),
        ("D:20191332", ""),  # no such month
    ],
)
def test_a_pdf_creation_date_becomes_an_iso_date_as_precise_as_written(written: str, published: str) -> None:
    assert pdf_metadata(make_pdf(["x"], info={"Title": "T", "CreationDate": written})) == Metadata(
        "T", "", "", published
    )


def test_a_pdf_whose_information_cannot_be_read_has_none() -> None:
    assert pdf_metadata(b"%PDF-1.4\nnothing else") == NO_METADATA
    assert pdf_metadata(make_pdf(["x"])) == NO_METADATA


def test_iso_dates_are_real_days() -> None:
    assert [iso_date(d) for d in ("2018-05-21", "2018-05", "2018", "2018-02-30", "21/05/2018", "")] == [
        "2018-05-21",
        "2018-05",
        "2018",
        "",
        "",
        "",
    ]


def test_hostile_metadata_stays_text_in_the_workbook_and_inert_on_the_review_page(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    info = {"Title": FORMULA, "Author": SCRIPT}
    (folder / "hostile.pdf").write_bytes(make_pdf(["It rose 7% in 2018."], info=info))
    workbook, review = tmp_path / "figures.xlsx", tmp_path / "review.html"
    assert main([str(folder), "-o", str(workbook), "--quiet"]) == 0
    assert main([str(folder), "-o", str(review), "--quiet"]) == 0

    with zipfile.ZipFile(workbook) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any(b"<f>" in s or b"<f " in s for s in sheets)  # no formula anywhere
    row = next(load_workbook(workbook)["Documents"].iter_rows(min_row=2))
    title, publisher = row[5], row[6]
    assert (title.value, title.data_type, title.quotePrefix) == (FORMULA, "s", True)
    assert publisher.value == SCRIPT

    page = review.read_text(encoding="utf-8")
    parsed = parse(page)
    assert len(parsed.scripts) == 2  # the JSON block and the page's own script, nothing else
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert "=HYPERLINK(&quot;http://evil.example&quot;,&quot;click me&quot;)" in page
    assert not [attrs for tag, attrs in parsed.tags if tag == "a"]  # no URL, no link
