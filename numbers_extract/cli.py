"""numbers-extract: the command line. It only wires arguments to the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from . import __version__
from .extract import extract
from .figure import Figure
from .writers import atomic, write_csv, write_jsonl

TEXT_SUFFIXES = (".txt", ".md", ".text")


def _inputs(paths: list[str], problems: list[str]) -> Iterator[tuple[str, str]]:
    for given in paths:
        if given == "-":
            yield "-", sys.stdin.read()
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        else:
            files = [path]
        for file in files:
            name = str(file) if path.is_dir() else given
            try:
                yield name, file.read_bytes().decode("utf-8-sig", errors="replace")
            except OSError as error:
                problems.append(f"{name}: {error.strerror or error}")


def _figures(paths: list[str], problems: list[str]) -> Iterator[Figure]:
    for name, text in _inputs(paths, problems):
        yield from extract(text, doc=name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="numbers-extract",
        description="Extract every figure (value, unit, qualifier, kind, what it counts) from English prose.",
        epilog="examples:\n  numbers-extract seeds                 # JSON Lines on stdout\n"
        "  numbers-extract a.txt --format csv    # CSV on stdout\n"
        "  numbers-extract seeds -o table.csv    # written whole or not at all\n"
        "  cat a.txt | numbers-extract -",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="a text file, a folder of .txt/.md files, or - for stdin"
    )
    parser.add_argument("-o", "--output", help="write to this file (.jsonl or .csv) instead of stdout")
    parser.add_argument("--format", choices=("jsonl", "csv"), help="output format (default: from -o, else jsonl)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    args = parser.parse_args(argv)
    fmt = args.format or ("csv" if args.output and args.output.lower().endswith(".csv") else "jsonl")
    problems: list[str] = []
    figures = _figures(args.paths, problems)
    write = write_csv if fmt == "csv" else write_jsonl
    try:
        if args.output:
            with atomic(args.output) as out:
                write(figures, out)
        else:
            write(figures, sys.stdout)
            sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    for problem in problems:
        print(f"numbers-extract: cannot read {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
