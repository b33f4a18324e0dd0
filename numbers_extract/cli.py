"""numbers-extract: the command line. It wires arguments to the library, and is the one part that
prints: the table (to stdout or -o), a line per input it could not read, a progress bar and a summary."""

from __future__ import annotations

import argparse
import io
import logging
import os
import shlex
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Never

from . import __version__
from .export.writers import Target, to_csv, to_jsonl
from .io.inputs import FAILED, NOT_READ, REPLACED, SKIPPED, Report, default_workers, expand, extract_files
from .table import Figure

if TYPE_CHECKING:
    from tqdm import tqdm

PROG = "numbers-extract"
FORMATS = ("jsonl", "csv", "xlsx", "parquet", "html")
SUFFIX_FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".parquet": "parquet",
    ".html": "html", ".htm": "html",
}  # fmt: skip
BINARY = {"xlsx": "a workbook", "parquet": "a Parquet file"}
"""The formats that are not text, and what to call a file of each: never written to a terminal."""

DESCRIPTION = """\
Extract every figure in English prose (value, bounds, qualifier, unit, kind, what it counts, who
said it, its sentence) into one table: one row per figure.

Inputs: text and Markdown files, saved web pages (.html, .htm: the article's text), PDF reports.
A folder is searched recursively for those extensions; a file named on its own is read whatever
its name, by its content (binary files are skipped and reported). "-" reads standard input.
Text is UTF-8 (a UTF-8 or UTF-16 byte order mark is honoured); other bytes are replaced by U+FFFD
and the file is reported."""

EPILOG = """\
outputs:
  -o FILE writes FILE whole or not at all (a temporary file beside it, renamed when complete).
  .xlsx    a workbook: Figures (an Excel Table), Documents (one row per input), Summary, About
  .csv     RFC 4180, UTF-8 with a byte order mark; text that a spreadsheet would run as a formula
           (starting with = + - @ TAB CR) gets a leading apostrophe unless --csv-raw
  .tsv     the same with a TAB delimiter
  .jsonl   one JSON object per figure
  .parquet typed columns for pandas, DuckDB, Spark: text exactly as extracted, numbers as doubles
           (pip install 'numbers-extract[parquet]')
  .html    a review page: each document's text with every figure highlighted, and a sortable table
  Without -o the table goes to standard output as JSON Lines (or --format csv / xlsx / parquet; a
  workbook or a Parquet file is not written to a terminal).

examples:
  numbers-extract seeds -o figures.xlsx          # a folder of articles, for a spreadsheet
  numbers-extract seeds -o review.html           # every figure highlighted in its text, in a browser
  numbers-extract archive -o figures.parquet     # for pandas, DuckDB, Spark
  numbers-extract check seeds --against expected.csv   # does the text say what the data says?
  numbers-extract explain article.txt            # why each figure is what it is: the rules behind it
  numbers-extract report.pdf page.html notes.md  # JSON Lines on standard output
  numbers-extract 'articles/**/*.txt' --format csv > figures.csv
  numbers-extract seeds -o figures.csv --no-bom --csv-raw --delimiter ';'
  numbers-extract archive -o figures.csv --workers 4  # four processes (default: one per core for big batches)
  numbers-extract archive -o figures.csv --dask tcp://scheduler:8786   # on a Dask cluster
  curl -s https://example.com/story | numbers-extract - --format csv

exit status: 0 when every input was read, 1 when any could not be read or its extraction failed
(the others are still written), 2 on a usage error."""


class UsageError(Exception):
    """A command line that cannot be carried out as written: exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="a file, a folder (searched recursively), a glob, or - for stdin"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write the table to OUT; its extension picks the format")
    parser.add_argument(
        "--format", choices=FORMATS, help="jsonl, csv, xlsx, parquet or html: overrides OUT's extension"
    )
    parser.add_argument("--delimiter", metavar="CHAR", help="CSV field delimiter (default ',', or TAB for .tsv)")
    parser.add_argument("--no-bom", action="store_true", help="CSV without the UTF-8 byte order mark (for programs)")
    parser.add_argument(
        "--csv-raw", action="store_true", help="CSV text exactly as extracted: no apostrophe before formula-like text"
    )
    _add_workers(parser)
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' to start one here with "
        "--workers processes (pip install 'numbers-extract[dask]'); same output as a run here",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _add_workers(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=_count_of_workers,
        metavar="N",
        help="extract N documents at once, in N processes (default: one per core when the inputs are big enough "
        "to pay for starting them, some 2 MB of text; else 1: in this process); the output is the same for any N",
    )


def _count_of_workers(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number, 1 or more, not {text!r}")
    return int(text)


def _workers(args: argparse.Namespace, inputs: list[str]) -> int:
    if args.workers is not None:
        return int(args.workers)
    return default_workers(inputs)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if not args.output:
        return "jsonl"
    suffix = Path(args.output).suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise UsageError(
            f"cannot tell a format from {args.output!r}: "
            "name it .xlsx, .csv, .jsonl, .parquet or .html, or add --format"
        )
    return SUFFIX_FORMATS[suffix]


def _delimiter(args: argparse.Namespace) -> str:
    if args.delimiter is None:
        return "\t" if args.output and Path(args.output).suffix.lower() == ".tsv" else ","
    delimiter = str(args.delimiter).replace("\\t", "\t")
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise UsageError(f"--delimiter must be one character other than a quote or a line break, not {delimiter!r}")
    return delimiter


def _check(args: argparse.Namespace, fmt: str) -> None:
    if args.output:
        folder = Path(args.output).parent
        if not folder.is_dir():
            raise UsageError(f"cannot write {args.output}: no folder {str(folder)!r}")
        if Path(args.output).is_dir():
            raise UsageError(f"cannot write {args.output}: it is a folder")
    elif fmt in BINARY and sys.stdout.isatty():
        raise UsageError(
            f"{BINARY[fmt]} is binary and is not written to a terminal: use -o FILE.{fmt}, or redirect stdout"
        )
    if args.dask is not None and fmt == "html":
        raise UsageError("the review page is made in this process: --dask writes jsonl, csv, xlsx or parquet")
    if fmt == "parquet":
        from .export.parquet import require_pyarrow  # deferred: pyarrow is an extra

        try:
            require_pyarrow()
        except ImportError as error:  # before any input is read
            raise UsageError(str(error)) from error


class _Progress:
    """Reports on stderr: a line per input not read cleanly, a progress bar, the closing summary."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.reports: list[Report] = []
        self.figures = 0
        self.quiet = quiet
        self.bar: tqdm[Never] | None = None
        if not quiet and total > 1 and sys.stderr.isatty():
            from tqdm import tqdm  # deferred: only a terminal needs it

            self.bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True)

    def __call__(self, report: Report) -> None:
        self.reports.append(report)
        self.figures += report.figures
        verb = {SKIPPED: "skipped", REPLACED: "read with replacement", FAILED: "no figures from"}.get(report.status)
        if verb is not None:
            self._say(f"{PROG}: {verb} {report.doc}: {report.reason}")
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.figures:,} figures", refresh=False)
            self.bar.update()

    def _say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    @property
    def skipped(self) -> int:
        return sum(report.status == SKIPPED for report in self.reports)

    @property
    def failed(self) -> int:
        return sum(report.status == FAILED for report in self.reports)

    def clear(self) -> None:
        """Take the progress bar off the terminal."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def close(self, output: str) -> None:
        self.clear()
        if self.quiet:
            return
        read = len(self.reports) - self.skipped - self.failed
        failed = f", {self.failed:,} failed" if self.failed else ""
        where = f" -> {output}" if output else ""
        print(
            f"{PROG}: {_count(read, 'file')} read, {_count(self.figures, 'figure')}, "
            f"{_count(self.skipped, 'file')} skipped{failed}{where}",
            file=sys.stderr,
        )


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


@contextmanager
def _stdout_text() -> Iterator[IO[str]]:
    """Standard output as UTF-8 text with no newline translation, whatever the locale."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        yield sys.stdout
        return
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        yield out
        out.flush()
    finally:
        out.detach()


def _write(args: argparse.Namespace, fmt: str, inputs: list[str], progress: _Progress, argv: list[str]) -> None:
    if fmt == "html":
        from .export.review import review_files  # the review page: each document's text, every figure in place

        title = f"{PROG}: {' '.join(args.paths)}"
        if args.output:
            review_files(inputs, args.output, on_document=progress, title=title)
        else:
            with _stdout_text() as stdout:
                review_files(inputs, stdout, on_document=progress, title=title)
        return
    with _extracted(args, inputs, progress) as figures:
        _write_table(args, fmt, figures, inputs, progress, argv)


@contextmanager
def _extracted(args: argparse.Namespace, inputs: list[str], progress: _Progress) -> Iterator[Iterator[Figure]]:
    """The figures, extracted here (in --workers processes) or on the --dask cluster, open while written."""
    if args.dask is None:
        yield extract_files(inputs, on_document=progress, workers=_workers(args, inputs))
        return
    from .scale import dask  # deferred: Dask is an extra

    with ExitStack() as cluster:
        try:
            client = cluster.enter_context(dask.connect(args.dask, workers=args.workers))
        except (ImportError, ConnectionError) as error:
            raise UsageError(str(error)) from error
        yield dask.extract_files(inputs, client, on_document=progress)


def _write_table(
    args: argparse.Namespace,
    fmt: str,
    figures: Iterator[Figure],
    inputs: list[str],
    progress: _Progress,
    argv: list[str],
) -> None:
    if fmt == "xlsx":
        from .export.xlsx import to_xlsx  # deferred: openpyxl is only for workbooks

        about = {"command": shlex.join([PROG, *argv]), "inputs": f"{len(inputs)}", "format": fmt}
        _write_binary(args, fmt, lambda path: to_xlsx(figures, path, documents=progress.reports, about=about))
        return
    if fmt == "parquet":
        from .export.parquet import to_parquet  # deferred: pyarrow is an extra

        _write_binary(args, fmt, lambda path: to_parquet(figures, path))
        return
    if args.output:
        _write_text(args, fmt, figures, args.output)
    else:
        with _stdout_text() as stdout:
            _write_text(args, fmt, figures, stdout)


def _write_binary(args: argparse.Namespace, fmt: str, write: Callable[[Path], object]) -> None:
    """A binary file to -o, or made in a temporary folder and copied to stdout (a pipe or a file)."""
    if args.output:
        write(Path(args.output))
        return
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder) / f"figures.{fmt}")
        with open(Path(folder) / f"figures.{fmt}", "rb") as written:
            shutil.copyfileobj(written, sys.stdout.buffer)
        sys.stdout.buffer.flush()


def _write_text(args: argparse.Namespace, fmt: str, figures: Iterable[Figure], target: Target) -> None:
    if fmt == "csv":
        to_csv(figures, target, bom=not args.no_bom, delimiter=_delimiter(args), raw=args.csv_raw)
    else:
        to_jsonl(figures, target)


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's last flush cannot fail loudly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


CHECK_DESCRIPTION = """\
Check what texts say against a reference table: each expected row is matched (a figure says it),
mismatched (figures about the same thing say something else) or missing. The table is a CSV with
the columns value (required), entity, unit, kind, tolerance ("5" or "5%") and doc."""

CHECK_EPILOG = """\
examples:
  numbers-extract check seeds --against expected.csv
  numbers-extract check report.pdf --against targets.csv --unmatched

exit status: 0 when every expected row matched, 1 when any did not (or an input could not be read),
2 on a usage error or an unreadable reference table."""


def _check_main(argv: list[str]) -> int:
    """numbers-extract check PATH... --against FILE: a readable report; 0 only when every row matched."""
    from .checks.check import ExpectedError, check, format_report, read_expected

    parser = argparse.ArgumentParser(
        prog=f"{PROG} check",
        description=CHECK_DESCRIPTION,
        epilog=CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, a glob, or - for stdin")
    parser.add_argument("--against", required=True, metavar="FILE", help="the reference table (CSV)")
    parser.add_argument("--unmatched", action="store_true", help="also list the figures that match no row")
    _add_workers(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:
        return int(done.code or 0)
    try:
        expected = read_expected(args.against)
    except (OSError, ExpectedError) as error:
        print(f"{PROG} check: error: {error}", file=sys.stderr)
        return 2
    inputs = expand(args.paths)
    progress = _Progress(len(inputs), args.quiet)
    try:
        figures = extract_files(inputs, on_document=progress, workers=_workers(args, inputs))
        report = check(figures, expected, unmatched=args.unmatched)
        progress.clear()
        with _stdout_text() as stdout:
            stdout.write(format_report(report))
    except BrokenPipeError:
        progress.clear()
        _quiet_stdout()
        return 1
    except KeyboardInterrupt:
        progress.clear()
        return 130
    unread = any(r.status in NOT_READ for r in progress.reports)
    return 0 if report.ok and not unread else 1


EXPLAIN_DESCRIPTION = """\
Explain every figure of a document: for each, the rule that set its value, unit, qualifier,
entity, trend, kind and source, and the rules that were tried and declined; then the numerals
that gave no figure, and the rule that dropped each. For developers finding why a figure is wrong."""


def _explain_main(argv: list[str]) -> int:
    """numbers-extract explain FILE...: each document's figures with the rules behind them, on stdout."""
    from .engine import explain
    from .io.inputs import read_document

    parser = argparse.ArgumentParser(prog=f"{PROG} explain", description=EXPLAIN_DESCRIPTION)
    parser.add_argument("paths", nargs="+", metavar="FILE", help="a text, HTML or PDF file, or - for stdin")
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:
        return int(done.code or 0)
    status = 0
    try:
        with _stdout_text() as stdout:
            for path in args.paths:
                document = read_document(path)
                if document.status == SKIPPED:
                    print(f"{PROG} explain: skipped {path}: {document.reason}", file=sys.stderr)
                    status = 1
                    continue
                stdout.write(f"== {path}\n{explain(document.text, doc=path)}")
    except BrokenPipeError:
        _quiet_stdout()
    return status


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 an input not read, 2 a usage error)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"] and not Path("check").exists():
        return _check_main(argv[1:])
    if argv[:1] == ["explain"] and not Path("explain").exists():
        return _explain_main(argv[1:])
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or argparse's own usage error
        return int(done.code or 0)
    try:
        fmt = _format(args)
        _delimiter(args)
        _check(args, fmt)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    if not logging.getLogger().handlers:
        logging.getLogger().addHandler(logging.NullHandler())  # the HTML and PDF readers' chatter: reports say it
    inputs = expand(args.paths)
    progress = _Progress(len(inputs), args.quiet)
    try:
        _write(args, fmt, inputs, progress, argv)
    except UsageError as error:  # a cluster that cannot be reached
        progress.clear()
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        progress.clear()
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        progress.clear()
        return 130
    except OSError as error:
        progress.clear()
        print(f"{PROG}: cannot write {args.output or 'stdout'}: {error.strerror or error}", file=sys.stderr)
        return 1
    progress.close(args.output or "")
    return 1 if any(report.status in NOT_READ for report in progress.reports) else 0


if __name__ == "__main__":
    raise SystemExit(main())
