"""Inputs people actually have: text in several encodings, saved web pages, PDF reports, folders,
globs and stdin; every input either read or reported with a reason."""

from __future__ import annotations

import io
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from numbers_extract import Report, extract, extract_files, read_document
from numbers_extract.cli import main
from numbers_extract.io import inputs
from numbers_extract.io.inputs import OK, REPLACED, SKIPPED, expand
from numbers_extract.io.pdf import pdf_text, reflow
from tests.pdf_maker import make_pdf, with_lengths_off, with_offsets_missed, without_root

BUSES = "Some 1,600 people left in 32 buses."

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Damascus | News Site</title>
<style>.price { content: "99 dollars" }</style>
<script>window.analytics = {"visitors": 12345};</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/top10">Top 10 stories</a></nav></header>
<div class="cookie-banner">We use 3 cookies. <button>Accept all 3</button></div>
<main><article>
<h1>Syria declares Damascus free of militants</h1>
<p>The Syrian army pushed militants out of a south Damascus pocket on Monday, a monitoring group said.
Some 1,600 people left in 32 buses.</p>
<p>The SDF, Manning said, has cleared <b>more than 1,900 square miles</b> of territory in the past 48 hours.</p>
<p>Costs rose 5% to $3bn, officials said, and the operation lasted nearly seven years in all.</p>
</article>
<aside><h2>Related</h2><ul><li><a href="/a">5 things to know</a></li>
<li><a href="/b">Iran spends $16 billion</a></li></ul></aside>
</main>
<footer>© 2018 News Site. 100 Main St.</footer>
<script>track(42);</script>
</body></html>
"""


def surfaces(text: str) -> list[str]:
    return [f.surface for f in extract(text)]


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


# text and encodings


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (BUSES.encode("utf-8"), ""),
        (b"\xef\xbb\xbf" + BUSES.encode("utf-8"), ""),
        (BUSES.encode("utf-16"), "read as UTF-16-LE by its byte order mark"),
        (b"\xfe\xff" + BUSES.encode("utf-16-be"), "read as UTF-16-BE by its byte order mark"),
        (b"\xff\xfe" + BUSES.encode("utf-16-le"), "read as UTF-16-LE by its byte order mark"),
        (BUSES.encode("utf-16-le"), "no byte order mark: read as UTF-16-LE by its zero bytes"),
        (BUSES.encode("utf-16-be"), "no byte order mark: read as UTF-16-BE by its zero bytes"),
    ],
    ids=["utf-8", "utf-8 bom", "utf-16", "utf-16-be bom", "utf-16-le bom", "utf-16-le", "utf-16-be"],
)
def test_unicode_text_is_read_exactly(tmp_path: Path, data: bytes, note: str) -> None:
    document = read_document(write(tmp_path / "a.txt", data))
    assert (document.text, document.status, document.reason, document.format) == (BUSES, OK, note, "text")


def test_invalid_utf8_is_decoded_with_replacement_and_reported(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "latin.txt", "Caf\xe9 prices rose 5% in 2011.".encode("latin-1")))
    assert document.status == REPLACED
    assert document.text == "Caf\ufffd prices rose 5% in 2011."
    assert document.reason == "not valid UTF-8: 1 character replaced by U+FFFD"
    assert "5%" in surfaces(document.text)


def test_binary_named_on_the_command_line_is_skipped_with_a_reason(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    document = read_document(write(tmp_path / "picture.txt", png))
    assert (document.status, document.text) == (SKIPPED, "")
    assert "binary" in document.reason


def test_a_file_is_read_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "notes.log", BUSES.encode())).text == BUSES
    assert read_document(write(tmp_path / "README", BUSES.encode())).format == "text"
    report = read_document(write(tmp_path / "report.dat", make_pdf([BUSES])))
    assert (report.format, report.text) == ("pdf", BUSES)
    page = read_document(write(tmp_path / "saved_page", PAGE.encode()))
    assert page.format == "html"


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    document = read_document(str(tmp_path / "gone.txt"))
    assert (document.status, document.reason) == (SKIPPED, "no such file or folder")


def test_stdin_is_read_as_bytes_with_the_same_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbf" + BUSES.encode())))
    document = read_document("-")
    assert (document.doc, document.text, document.status) == ("-", BUSES, OK)


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    document = read_document("-")
    assert document.format == "html"
    assert "Some 1,600 people left in 32 buses." in document.text


# web pages


def test_a_saved_page_gives_the_article_not_the_navigation(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "page.html", PAGE.encode()))
    assert (document.format, document.status) == ("html", OK)
    found = surfaces(document.text)
    for wanted in ("Some 1,600", "32", "more than 1,900 square miles", "48 hours", "5%", "$3bn", "nearly seven years"):
        assert wanted in found
    for chrome in ("12345", "99 dollars", "Top 10", "cookies", "$16 billion", "100 Main St", "track(42)"):
        assert chrome not in document.text
    # inline markup does not break a sentence: the bold figure stays in its sentence
    sentence = next(f.sentence for f in extract(document.text) if f.surface == "more than 1,900 square miles")
    assert sentence == (
        "The SDF, Manning said, has cleared more than 1,900 square miles of territory in the past 48 hours."
    )


def test_a_page_fragment_and_a_declared_charset(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "f.html", b"<p>It took 48 hours.</p>")).text == "It took 48 hours."
    latin = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9s: 5 dollars.</p></body></html>'
    document = read_document(write(tmp_path / "latin.htm", latin.encode("cp1252")))
    assert (document.text, document.status) == ("Cafés: 5 dollars.", OK)


def test_a_page_without_text_is_read_and_noted(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "empty.html", b"<html><body><script>x = 5</script></body></html>"))
    assert (document.text, document.status, document.reason) == ("", OK, "no visible text")


def test_a_page_nested_deeper_than_the_parser_holds_is_still_read_and_noted(tmp_path: Path) -> None:
    depth = 30_000  # lxml builds no tree this deep: trafilatura and its fallback both give nothing
    page = (
        "<html><head><title>Deep</title><script>var total = 99;</script></head><body>"
        + "<div>" * depth
        + "<p>Some 1,600 people boarded 32 buses.</p><p>The trip took &nbsp;3 hours.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    document = read_document(write(tmp_path / "deep.html", page.encode()))
    assert document.text == "Some 1,600 people boarded 32 buses.\n\nThe trip took 3 hours."
    assert (document.format, document.status) == ("html", OK)
    assert "read between the tags" in document.reason  # the Documents sheet says how it was read
    reports: list[Report] = []
    figures = list(extract_files([str(tmp_path / "deep.html")], on_document=reports.append, workers=1))
    assert [f.surface for f in figures] == ["Some 1,600", "32", "3 hours"]
    assert reports[0].reason == document.reason


# PDF


def test_a_pdf_report_is_read_paragraph_by_paragraph(tmp_path: Path) -> None:
    title = "Annual report"
    body = (
        "Revenue rose 5% to $3bn in the year, the company said, while its staff grew from 1,200 to about "
        "1,500 people across 32 countries, with nearly seven years of growth in far-flung offices."
    )
    document = read_document(write(tmp_path / "report.pdf", make_pdf([f"{title}\n\n{body}", "It took 48 hours."])))
    assert (document.format, document.status, document.reason) == ("pdf", OK, "")  # read plainly: no note
    assert document.text == f"{title}\n\n{body}\n\nIt took 48 hours."
    figures = extract(document.text)
    assert {f.surface for f in figures} >= {"5%", "$3bn", "32", "nearly seven years", "48 hours"}
    assert all(f.sentence != title for f in figures)


def test_a_damaged_pdf_is_skipped_with_a_reason(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntruncated"))
    assert document.status == SKIPPED
    assert document.reason.startswith("cannot read this PDF")


REPORT = make_pdf(["Some 1,600 people boarded 32 buses.\n\nThe trip took 3 hours."])


def _pdfminer_reads(data: bytes) -> str:
    try:
        return pdf_text(data)
    except Exception as error:
        return f"raised {type(error).__name__}"


@pytest.mark.parametrize(("damage", "pdfminer"), [
    (with_offsets_missed, ""),  # pdfminer finds no page where the table points, and says nothing
    (with_lengths_off, ""),  # pdfminer reads each stream to its /Length, past its end, and finds no text
    (without_root, "raised PDFSyntaxError"),  # pdfminer looks no further than the trailer for the catalogue
])  # fmt: skip
def test_a_damaged_pdf_that_pdfminer_cannot_read_is_read_by_pypdf_and_noted(
    tmp_path: Path, damage: Callable[[bytes], bytes], pdfminer: str
) -> None:
    data = damage(REPORT)
    assert _pdfminer_reads(data) == pdfminer  # the damage is real: pdfminer itself loses the text
    document = read_document(write(tmp_path / "damaged.pdf", data))
    assert (document.format, document.status) == ("pdf", OK)
    assert document.text == "Some 1,600 people boarded 32 buses. The trip took 3 hours."  # a paragraph a page
    assert document.reason.endswith("its text was read by pypdf, a paragraph per page")
    assert ("could not read it (PDFSyntaxError: " in document.reason) == bool(pdfminer)
    assert [f.surface for f in extract(document.text)] == ["Some 1,600", "32", "3 hours"]


def test_the_documents_sheet_notes_a_pdf_read_by_pypdf_and_not_an_ordinary_one(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "damaged.pdf").write_bytes(with_offsets_missed(REPORT))
    (folder / "ordinary.pdf").write_bytes(REPORT)
    out = tmp_path / "figures.xlsx"
    assert main([str(folder), "-o", str(out), "--quiet", "--workers", "1"]) == 0
    documents = {row[0]: row[1:] for row in load_workbook(out)["Documents"].iter_rows(min_row=2, values_only=True)}
    assert documents[str(folder / "ordinary.pdf")][2:4] == ("ok", None)
    figures, status, reason = documents[str(folder / "damaged.pdf")][1:4]
    assert (figures, status) == (3, "ok")
    assert reason == "pdfminer read no text from it (a damaged file?): its text was read by pypdf, a paragraph per page"


def test_a_pdf_without_text_is_noted_whichever_reader_reads_it(tmp_path: Path) -> None:
    for name, data in (("scan.pdf", make_pdf([""])), ("damaged_scan.pdf", with_offsets_missed(make_pdf([""])))):
        document = read_document(write(tmp_path / name, data))
        assert (document.text, document.status) == ("", OK)
        assert document.reason == "no text layer (a scanned PDF needs OCR)"


def _never_ends(*_: object) -> str:
    while True:  # a parser caught in a loop by a hostile file
        pass


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the time limit needs an interval timer (Unix)")
@pytest.mark.parametrize(("name", "data", "parser"), [
    ("hostile.pdf", make_pdf(["It took 48 hours."]), "pdf_text"),
    ("hostile.html", PAGE.encode(), "read_page"),
])  # fmt: skip
def test_a_file_that_keeps_its_parser_busy_is_skipped_in_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes, parser: str
) -> None:
    monkeypatch.setattr(inputs, parser, _never_ends)
    monkeypatch.setattr(inputs, "READ_SECONDS", 0.2)
    monkeypatch.setattr(inputs, "READ_SECONDS_PER_MB", 0.0)
    document = read_document(write(tmp_path / name, data))
    assert document.status == SKIPPED
    assert "reading stopped after 0 s (a damaged or hostile file?)" in document.reason
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL  # the process's alarm is as it was
    monkeypatch.undo()
    assert read_document(str(tmp_path / name)).status == OK  # and the next file is read unhurried


def test_glyphs_a_pdf_maps_to_no_character_are_dropped_and_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pdfminer writes a glyph its font maps to no character as "(cid:N)": N is no number in the text
    monkeypatch.setattr(inputs, "pdf_text", lambda data: "Revenue (cid:88)rose 4% to(cid:3) $12m.")
    document = read_document(write(tmp_path / "glyphs.pdf", make_pdf(["x"])))
    assert (document.text, document.status) == ("Revenue rose 4% to $12m.", OK)
    assert document.reason == "2 glyphs the PDF maps to no character ('(cid:N)') dropped"
    assert [f.surface for f in extract(document.text)] == ["4%", "$12m"]


def test_reflow_joins_lines_and_keeps_hyphens() -> None:
    assert reflow("Title\n\nThe far-\nflung suburbs were\n  taken.\n\x0cPage two.\n") == (
        "Title\n\nThe far-flung suburbs were taken.\n\nPage two."
    )


# folders, globs, reports


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    (root / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "b.txt").write_text("It cost 5 dollars.", encoding="utf-8")
    (root / "a.md").write_text("It took 48 hours.", encoding="utf-8")
    (root / "deeper" / "page.HTM").write_bytes(PAGE.encode())
    (root / "deeper" / "report.pdf").write_bytes(make_pdf(["It rose 7%."]))
    (root / "deeper" / "data.json").write_text('{"n": 77}', encoding="utf-8")
    (root / "picture.png").write_bytes(b"\x89PNG 77 kilograms")
    (root / ".hidden.txt").write_text("It weighed 9 tonnes.", encoding="utf-8")
    (root / ".git" / "notes.txt").write_text("It weighed 9 tonnes.", encoding="utf-8")
    return root


def test_a_folder_walk_takes_the_known_extensions_sorted(folder: Path) -> None:
    assert expand([str(folder)]) == [
        str(folder / "a.md"),
        str(folder / "b.txt"),
        str(folder / "deeper" / "page.HTM"),
        str(folder / "deeper" / "report.pdf"),
    ]


def test_a_glob_matches_files_whatever_their_extension(folder: Path) -> None:
    assert expand([str(folder / "**" / "*.json"), str(folder / "*.txt")]) == [
        str(folder / "deeper" / "data.json"),
        str(folder / "b.txt"),
    ]
    assert expand([str(folder / "*.nothing")]) == [str(folder / "*.nothing")]
    assert read_document(str(folder / "*.nothing")).reason == "no file matches this pattern"


def test_extract_files_reports_every_input(folder: Path) -> None:
    reports: list[Report] = []
    figures = list(extract_files([folder, str(folder / "missing.txt")], on_document=reports.append))
    assert [(r.doc, r.status, r.figures) for r in reports] == [
        (str(folder / "a.md"), OK, 1),
        (str(folder / "b.txt"), OK, 1),
        (str(folder / "deeper" / "page.HTM"), OK, reports[2].figures),
        (str(folder / "deeper" / "report.pdf"), OK, 1),
        (str(folder / "missing.txt"), SKIPPED, 0),
    ]
    assert reports[2].figures >= 6
    assert sum(r.figures for r in reports) == len(figures)
    assert reports[0].characters == len("It took 48 hours.")
    assert [f.doc for f in figures][:2] == [str(folder / "a.md"), str(folder / "b.txt")]
    assert list(extract_files(folder / "b.txt")) == list(extract_files([str(folder / "b.txt")]))
