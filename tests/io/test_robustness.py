"""Any input, no crash: bad files, bad paths, bad encodings and failing extractions are reported with a
reason while the run goes on with the rest (issue 5: "bytes in, text out" and "nothing lost")."""

from __future__ import annotations

import builtins
import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from numbers_extract import Figure, Report, extract, extract_files, read_document
from numbers_extract.cli import main
from numbers_extract.engine import sentences
from numbers_extract.export.xlsx import SHEET_COLUMNS
from numbers_extract.io import inputs
from numbers_extract.io.inputs import FAILED, OK, REPLACED, SKIPPED, document_from_bytes, expand

GOOD = {
    "a.txt": "Some 1,600 people left in 32 buses.\n",
    "b.md": "The SDF, Manning said, has cleared more than 1,900 square miles in the past 48 hours.\n",
}
UTF16 = "Costs rose 5% to $3bn, officials said.\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 8


def _rows(jsonl: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in jsonl.splitlines()]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good files among a binary file, a Latin-1 file, UTF-16 files, an empty file and a broken link."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "c_photo.txt").write_bytes(JPEG)  # a picture saved under a text name
    (folder / "d_latin.txt").write_bytes("Caf\xe9 prices rose 7% in 2011.\n".encode("latin-1"))
    (folder / "e_utf16.txt").write_bytes(UTF16.encode("utf-16"))  # with its byte order mark
    (folder / "f_utf16_no_bom.txt").write_bytes(UTF16.encode("utf-16-le"))
    (folder / "g_empty.txt").write_bytes(b"")
    (folder / "h_gone.txt").symlink_to(folder / "deleted.txt")
    return folder


def test_a_mixed_folder_exports_every_good_file_and_reports_the_others_exit_1(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("t.jsonl", "t.csv", "t.xlsx"):
        assert main([str(mixed), "-o", str(out / name)]) == 1, name
    err = capsys.readouterr().err.splitlines()
    assert err[:3] == [
        f"numbers-extract: skipped {mixed / 'c_photo.txt'}: binary content, not text, HTML or PDF",
        f"numbers-extract: read with replacement {mixed / 'd_latin.txt'}: "
        "not valid UTF-8: 1 character replaced by U+FFFD",
        f"numbers-extract: skipped {mixed / 'h_gone.txt'}: broken link: {mixed / 'deleted.txt'} does not exist",
    ]
    assert err[3].startswith("numbers-extract: 6 files read, ") and " figures, 2 files skipped -> " in err[3]
    assert len(err) == 12  # the same four lines for each of the three exports

    # every good file completely: the rows are exactly what extract() finds in its text
    texts = {str(mixed / name): text for name, text in GOOD.items()}
    texts[str(mixed / "d_latin.txt")] = "Caf\ufffd prices rose 7% in 2011.\n"
    texts[str(mixed / "e_utf16.txt")] = texts[str(mixed / "f_utf16_no_bom.txt")] = UTF16
    expected = [f.as_dict() for doc, text in sorted(texts.items()) for f in extract(text, doc=doc)]
    assert len({row["doc"] for row in expected}) == 5
    assert _rows((out / "t.jsonl").read_text(encoding="utf-8")) == expected
    table = list(csv.DictReader(io.StringIO((out / "t.csv").read_text(encoding="utf-8-sig"))))
    assert [(row["doc"], row["surface"], row["start"]) for row in table] == [
        (r["doc"], r["surface"], str(r["start"])) for r in expected
    ]
    book = load_workbook(out / "t.xlsx")
    rows = book["Figures"].iter_rows(min_row=2, values_only=True)
    figures = [dict(zip(SHEET_COLUMNS, row, strict=True)) for row in rows]
    assert [(row["doc"], row["surface"], row["value"]) for row in figures] == [
        (r["doc"], r["surface"], r["value"]) for r in expected
    ]

    # the Documents sheet lists every input, each with its status and, where there is one, its reason
    documents = {Path(str(row[0])).name: row[3:5] for row in book["Documents"].iter_rows(min_row=2, values_only=True)}
    assert documents == {
        "a.txt": ("ok", None),
        "b.md": ("ok", None),
        "c_photo.txt": ("skipped", "binary content, not text, HTML or PDF"),
        "d_latin.txt": ("decoded with replacement", "not valid UTF-8: 1 character replaced by U+FFFD"),
        "e_utf16.txt": ("ok", "read as UTF-16-LE by its byte order mark"),
        "f_utf16_no_bom.txt": ("ok", "no byte order mark: read as UTF-16-LE by its zero bytes"),
        "g_empty.txt": ("ok", "empty file"),
        "h_gone.txt": ("skipped", f"broken link: {mixed / 'deleted.txt'} does not exist"),
    }


def test_an_empty_file_is_fine(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    reports: list[Report] = []
    assert list(extract_files(tmp_path, on_document=reports.append)) == []
    assert reports == [Report(str(tmp_path / "empty.txt"), 0, 0, OK, "empty file")]
    assert main([str(tmp_path / "empty.txt"), "-q"]) == 0


def test_a_broken_link_named_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "link.txt").symlink_to("nowhere.txt")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    assert main([str(tmp_path / "link.txt"), str(tmp_path / "loop.txt")]) == 1
    err = capsys.readouterr().err
    assert f"skipped {tmp_path / 'link.txt'}: broken link: nowhere.txt does not exist\n" in err
    assert f"skipped {tmp_path / 'loop.txt'}: too many levels of symbolic links\n" in err


def _denied(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, path: Path) -> None:
    """Make ``module.name`` raise PermissionError for ``path``: what chmod 000 does, except to root."""
    real = getattr(module, name, None) or getattr(builtins, name)

    def refuse(target: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(target) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real(target, *args, **kwargs)

    monkeypatch.setattr(module, name, refuse, raising=False)


def test_a_file_without_read_permission_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    _denied(monkeypatch, inputs, "open", tmp_path / "a.txt")  # the reader's open() only
    assert builtins.open is not getattr(inputs, "open")  # noqa: B009 - the module's shadow, not the builtin
    assert main([str(tmp_path), "--workers", "1"]) == 1  # one worker: this process, where the patch is
    out, err = capsys.readouterr()
    assert f"skipped {tmp_path / 'a.txt'}: permission denied\n" in err
    assert {row["doc"] for row in _rows(out)} == {str(tmp_path / "b.md")}


def test_a_folder_without_permission_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "secret.txt").write_text("It cost 9 dollars.", encoding="utf-8")
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(GOOD["a.txt"], encoding="utf-8")
    _denied(monkeypatch, os, "scandir", tmp_path / "closed")  # os.walk lists a folder with os.scandir
    assert expand([str(tmp_path)]) == [str(tmp_path / "closed"), str(tmp_path / "open" / "a.txt")]
    out = tmp_path / "t.xlsx"
    assert main([str(tmp_path), "-o", str(out), "--workers", "1"]) == 1  # the patch is in this process
    err = capsys.readouterr().err
    assert f"skipped {tmp_path / 'closed'}: cannot list this folder: permission denied\n" in err
    documents = list(load_workbook(out)["Documents"].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[3]) for row in documents] == [
        (str(tmp_path / "closed"), "skipped"),
        (str(tmp_path / "open" / "a.txt"), "ok"),
    ]
    assert documents[1][2] == 2  # its figures, all written


def _run(args: list[str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "numbers_extract", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=timeout, check=False,
    )  # fmt: skip


def test_a_pipe_in_a_folder_is_passed_over_not_waited_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD["a.txt"], encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # no writer: reading it would wait for ever
    done = _run([str(tmp_path)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert [row["value"] for row in _rows(done.stdout)] == [1600, 32]


def test_an_endless_device_is_skipped_after_its_first_bytes(tmp_path: Path) -> None:
    done = _run(["/dev/zero", "-q"], tmp_path, timeout=30)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "numbers-extract: skipped /dev/zero: binary content, not text, HTML or PDF\n"


def test_a_path_the_system_cannot_take_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    assert read_document("a\x00b.txt") == inputs.Document(
        "a\x00b.txt", "", "", SKIPPED, "cannot read: ValueError: embedded null byte"
    )
    monkeypatch.setattr(sys, "stdin", None)  # started with stdin closed
    assert read_document("-").reason == "no standard input"


def test_a_file_name_that_is_not_utf8_reaches_every_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9.txt"  # a Latin-1 name: Python holds it with a lone surrogate
    with open(raw, "wb") as file:
        file.write(GOOD["a.txt"].encode())
    doc = os.fsdecode(raw)
    assert "\udce9" in doc
    assert main([str(folder), "-o", str(tmp_path / "t.jsonl"), "-q"]) == 0
    rows = _rows((tmp_path / "t.jsonl").read_text(encoding="utf-8"))
    assert [os.fsencode(row["doc"]) for row in rows] == [raw, raw]  # exactly, by JSON's \udce9 escape
    assert main([str(folder), "-o", str(tmp_path / "t.csv"), "-q"]) == 0
    table = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8-sig"))))
    assert [row["doc"] for row in table] == [doc.replace("\udce9", "\ufffd")] * 2
    assert main([str(folder), "-o", str(tmp_path / "t.xlsx"), "-q"]) == 0
    sheet = load_workbook(tmp_path / "t.xlsx")["Figures"]
    docs = [row[SHEET_COLUMNS.index("doc")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert docs == [doc.replace("\udce9", "\ufffd")] * 2
    assert main([str(folder), "-q"]) == 0  # and on stdout
    assert len(_rows(capsys.readouterr().out)) == 2


# extraction that fails: the document is reported, the run goes on


def test_a_regex_past_its_time_limit_fails_the_document_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    long = tmp_path / "long.txt"
    long.write_text("It cost 5 dollars. " * 5000, encoding="utf-8")
    (tmp_path / "short.txt").write_text("It took 48 hours.", encoding="utf-8")

    def hurried(text: str, doc: str = "") -> list[Figure]:
        """The engine with its regex safety net made to trip on the long file: a real TimeoutError."""
        with monkeypatch.context() as patch:
            patch.setattr(sentences, "TIMEOUT", 1e-6 if doc == str(long) else sentences.TIMEOUT)
            return extract(text, doc)

    with pytest.raises(TimeoutError):
        hurried(long.read_text(encoding="utf-8"), str(long))
    monkeypatch.setattr(inputs, "extract", hurried)
    out = tmp_path / "t.xlsx"
    assert main([str(tmp_path), "-o", str(out), "--workers", "1"]) == 1  # the patch is in this process
    reason = "extraction stopped: a pattern ran past its time limit (TimeoutError); no figures kept"
    assert capsys.readouterr().err.splitlines() == [
        f"numbers-extract: no figures from {long}: {reason}",
        f"numbers-extract: 1 file read, 1 figure, 0 files skipped, 1 failed -> {out}",
    ]
    book = load_workbook(out)
    assert [row[:5] for row in book["Documents"].iter_rows(min_row=2, values_only=True)] == [
        (str(long), 95_000, 0, FAILED, reason),
        (str(tmp_path / "short.txt"), 17, 1, OK, None),
    ]
    assert [row[SHEET_COLUMNS.index("value")] for row in book["Figures"].iter_rows(min_row=2, values_only=True)] == [48]


def test_any_error_in_extraction_fails_the_document_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    def broken(text: str, doc: str = "") -> list[Figure]:
        if doc.endswith("a.txt"):
            raise IndexError("string index out of range " + "x" * 1000)
        return extract(text, doc)

    monkeypatch.setattr(inputs, "extract", broken)
    reports: list[Report] = []
    figures = list(extract_files(tmp_path, on_document=reports.append))
    found = len(extract(GOOD["b.md"]))
    assert [(Path(r.doc).name, r.status, r.figures) for r in reports] == [("a.txt", FAILED, 0), ("b.md", OK, found)]
    assert reports[0].reason.startswith("extraction failed: IndexError: string index out of range xxx")
    assert reports[0].reason.endswith(" …; no figures kept") and len(reports[0].reason) < 400
    assert {f.doc for f in figures} == {str(tmp_path / "b.md")}


def test_a_failed_extraction_is_reported_on_the_review_page_run_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    def timed_out(text: str, doc: str = "") -> list[Figure]:
        if doc.endswith("a.txt"):
            raise TimeoutError("regex timed out")
        return extract(text, doc)

    monkeypatch.setattr(inputs, "extract", timed_out)
    assert main([str(tmp_path), "-o", str(tmp_path / "review.html")]) == 1
    assert f"no figures from {tmp_path / 'a.txt'}: extraction stopped" in capsys.readouterr().err
    assert "Manning" in (tmp_path / "review.html").read_text(encoding="utf-8")


def test_ctrl_c_during_extraction_still_stops_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD["a.txt"], encoding="utf-8")

    def interrupted(text: str, doc: str = "") -> Iterator[Figure]:
        raise KeyboardInterrupt

    monkeypatch.setattr(inputs, "extract", interrupted)
    with pytest.raises(KeyboardInterrupt):
        list(extract_files(tmp_path))


# bytes: what a file's content can be


@pytest.mark.parametrize(
    "signature",
    [b"\x89PNG\r\n\x1a\n", b"GIF89a", b"PK\x03\x04", b"\x1f\x8b\x08", b"\x7fELF", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
    ids=["png", "gif", "zip", "gzip", "elf", "ole"],
)
def test_a_known_binary_signature_is_skipped_even_without_a_nul(signature: bytes) -> None:
    document = document_from_bytes("x.txt", signature + b" It cost 5 dollars. " * 20)
    assert (document.status, document.text, document.reason) == (SKIPPED, "", "binary content, not text, HTML or PDF")


@pytest.mark.parametrize(
    "charset", ["base64", "rot13", "zlib", "hex", "undefined", "utf-16", "utf-32", "utf-7", "unicode_escape", "idna"]
)
def test_a_declared_charset_that_cannot_be_a_pages_encoding_is_not_used(charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"></head><body><p>Caf\xe9 +ADw-b: 5 dollars.</p></body></html>'
    document = document_from_bytes("page.html", page.encode("latin-1"))
    assert (document.status, document.text) == (REPLACED, "Caf\ufffd +ADw-b: 5 dollars.")


def test_utf16_without_a_mark_is_told_from_binary() -> None:
    assert document_from_bytes("a.txt", "It cost 5 dollars.".encode("utf-16-be")).text == "It cost 5 dollars."
    assert document_from_bytes("a.txt", b"\x00\x01\x00\x02" * 100).status == SKIPPED  # 16-bit numbers, not text
    assert document_from_bytes("a.txt", "odd".encode("utf-16-le") + b"x").status == SKIPPED  # no whole UTF-16


def test_links_to_folders_are_followed_once_and_a_loop_ends(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.txt").write_text("They counted 41 buses.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("Some 1,600 people left.", encoding="utf-8")
    (corpus / "linked").symlink_to(outside, target_is_directory=True)  # a folder kept elsewhere
    (corpus / "sub" / "up").symlink_to(corpus, target_is_directory=True)  # a loop back to the top
    (corpus / "again").symlink_to(outside, target_is_directory=True)  # the same folder twice
    found = expand([str(corpus)])
    assert sorted(Path(p).name for p in found) == ["a.txt", "b.txt"]
    assert [f.value for f in extract_files(found)] == [1600, 41]
