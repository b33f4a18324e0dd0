"""python -m tests.engine.golden [--write | --base REV]: see tests/engine/golden/__init__.py."""

from __future__ import annotations

import argparse
import gzip
import inspect
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from . import EXPECTED, ROOT, header, rows, texts

SHARED = ROOT.parent / "shared"
# run in a tree's own interpreter: read [doc, text] pairs as JSON lines on stdin, print golden rows
_WORKER = """
import json, sys
from collections.abc import Iterable, Iterator
from typing import Any
sys.path.insert(0, sys.argv[1])
from numbers_extract import extract
ROWS
for line in sys.stdin:
    doc, text = json.loads(line)
    for row in rows(doc, text, extract(text, doc=doc)):
        print(json.dumps(row, ensure_ascii=False))
print(json.dumps(["<end>"]))
"""


def current() -> list[str]:
    from numbers_extract import extract

    return [json.dumps(row, ensure_ascii=False) for doc, text in texts() for row in rows(doc, text, extract(text, doc))]


def expected() -> list[str]:
    lines = EXPECTED.read_text(encoding="utf-8").splitlines()
    if json.loads(lines[0]) != header():
        sys.exit(f"{EXPECTED}: its columns {lines[0]} are not the table's; rewrite it with --write")
    return lines[1:]


def differences(want: list[str], got: list[str], most: int = 40) -> list[str]:
    """The rows only one side has, by document, in order: '-' expected, '+' now."""
    import difflib

    out = [line for line in difflib.unified_diff(want, got, "expected", "now", n=0, lineterm="") if line[:1] in "+-"]
    return [line for line in out if not line.startswith(("---", "+++"))][:most]


def shared_texts() -> list[tuple[str, str]]:
    """The NewsQuant dev sentences and the real news pages' text, when ../shared is there."""
    out: list[tuple[str, str]] = []
    bench = SHARED / "bench" / "newsquant_dev.jsonl"
    if bench.exists():
        for line in bench.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            out.append((f"newsquant/{item['id']}", item["text"]))
    pages = sorted((SHARED / "realworld").glob("*.html.gz"))
    if pages:
        from numbers_extract import read_document

        with tempfile.TemporaryDirectory() as tmp:
            for page in pages:
                path = Path(tmp) / page.name.removesuffix(".gz")
                path.write_bytes(gzip.decompress(page.read_bytes()))
                out.append((f"realworld/{path.name}", read_document(path).text))
    return out


def run_tree(tree: Path, items: list[tuple[str, str]]) -> list[str]:
    """The golden rows of ``items`` as the code in ``tree`` gives them, in a process of its own."""
    data = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    worker = _WORKER.replace("ROWS", inspect.getsource(rows))  # the same rows from either tree
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", worker, str(tree)], input=data, capture_output=True, text=True, env=env
    )
    lines = done.stdout.splitlines()
    assert lines and lines[-1] == '["<end>"]', done.stderr[-2000:]
    return lines[:-1]


def against(base: str) -> int:
    items = [*texts(), *shared_texts()]
    print(f"{len(items)} documents ({sum(len(t) for _, t in items):,} characters); base {base}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), base], check=True)
        try:
            before = run_tree(tree, items)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    now = run_tree(ROOT, items)
    diff = differences(before, now, most=400)
    for line in diff:
        print(line)
    print(f"{len(before)} figures before, {len(now)} now, {len(diff)} rows differ", file=sys.stderr)
    return 1 if diff else 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.engine.golden", description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite expected.jsonl from this tree")
    parser.add_argument("--base", metavar="REV", help="compare this tree with commit REV on every text")
    args = parser.parse_args()
    if args.base:
        return against(args.base)
    if args.write:
        lines = current()
        EXPECTED.write_text("\n".join([json.dumps(header()), *lines]) + "\n", encoding="utf-8")
        print(f"{EXPECTED}: {len(lines)} figures", file=sys.stderr)
        return 0
    diff = differences(expected(), current())
    for line in diff:
        print(line)
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
