"""Fuzz target (atheris, libFuzzer for Python) over the reader, extract and the writers (issue 5).

Each input is taken two ways: as a file's bytes (``document_from_bytes``: binary, BOMs, charsets, HTML,
PDF) and as text (the bytes as UTF-8, undecodable bytes as lone surrogates). The text's figures must
keep the table's contract (tests/test_properties.py), JSON Lines must read back exactly, and CSV and
(for a quarter of the inputs) xlsx must be written without an error. A crash is a failure; every crash
found becomes a case in tests/fuzz_seeds/ and a regression test.

In the test command (tests/test_fuzz.py) it runs for 25 seconds from the seeds in tests/fuzz_seeds/.
By hand, for longer (new inputs it finds go to the first folder; a crash is written as crash-*)::

    mkdir -p /tmp/fuzz && .venv/bin/python -m tests.fuzz_extract /tmp/fuzz tests/fuzz_seeds \\
        -max_total_time=3600 -max_len=4096 -timeout=60 -rss_limit_mb=4096
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import zlib
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["numbers_extract"]):
    from numbers_extract import extract, to_csv, to_jsonl, to_xlsx
    from numbers_extract.io.inputs import OK, REPLACED, SKIPPED, document_from_bytes

from tests.engine.test_properties import check_table

_FOLDER = Path(tempfile.mkdtemp(prefix="numbers-extract-fuzz-"))


def one_input(data: bytes) -> None:
    document = document_from_bytes("fuzz.txt", data)
    assert document.status in (OK, REPLACED, SKIPPED), document
    assert document.status != SKIPPED or (document.text == "" and document.reason), document
    for text in {document.text, data.decode("utf-8", errors="surrogateescape")}:
        figures = extract(text, doc="=fuzz")
        check_table(text, figures, "=fuzz")
        out = io.StringIO()
        to_jsonl(figures, out)
        assert [json.loads(line) for line in out.getvalue().splitlines()] == [f.as_dict() for f in figures]
        to_csv(figures, io.StringIO())
        if zlib.crc32(data) % 4 == 0:
            to_xlsx(figures, _FOLDER / "fuzz.xlsx")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
