"""Atomic outputs: a file is written under a temporary name beside its target and renamed over it
only when complete, so a failed or interrupted run leaves no partial file and an existing one as it was."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def _create_beside(target: Path) -> tuple[int, Path]:
    """A new empty file beside ``target``: hidden, unique, with the mode the umask gives new files."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path to write to; it replaces ``path`` when the block ends without an error."""
    target = Path(path)
    fd, tmp = _create_beside(target)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text(path: str | os.PathLike[str], encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text file open for writing (no newline translation) that replaces ``path`` when the block succeeds."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding=encoding, newline="") as handle:
        yield handle
