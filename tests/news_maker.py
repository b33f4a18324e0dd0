"""Folders of news for the tests that run many documents: copies of seeds/*.txt with their digits
varied (so each copy has figures of its own), and a mixed folder of the inputs people have, with
one that cannot be read."""

from __future__ import annotations

import random
import re
from pathlib import Path

from tests.pdf_maker import make_pdf

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BUSES = "Some 1,600 people left in 32 buses, a monitoring group said."


def varied(text: str, rng: random.Random) -> str:
    """The text with every digit drawn anew."""
    return re.sub(r"\d", lambda _: rng.choice("0123456789"), text)


def news(folder: Path, megabytes: float, file_bytes: int = 50_000, seed: int = 6) -> int:
    """Text files of about ``file_bytes`` each, ``megabytes`` in all, made of varied seeds; how many."""
    rng = random.Random(seed)
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    written = count = 0
    while written < megabytes * 1_000_000:
        parts: list[str] = []
        while sum(map(len, parts)) < file_bytes:
            parts.append(varied(rng.choice(texts), rng))
        data = "\n\n".join(parts).encode("utf-8")
        (folder / f"{count:05d}.txt").write_bytes(data)
        written += len(data)
        count += 1
    return count


def mixed(folder: Path, copies: int = 24, seed: int = 7) -> None:
    """``copies`` varied seeds of different lengths, and one of each other kind of input: Markdown, a web
    page, a PDF, Latin-1 text (decoded with replacement), an empty file, and a binary file (skipped)."""
    rng = random.Random(seed)
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        text = varied(texts[k % len(texts)], rng)
        (folder / f"{k:02d}.txt").write_text(text[: rng.randrange(len(text) // 4, len(text) + 1)], encoding="utf-8")
    (folder / "notes.md").write_text(f"# Notes\n\n{BUSES}\n", encoding="utf-8")
    (folder / "page.html").write_text(f"<html><body><article><p>{BUSES}</p></article></body></html>", encoding="utf-8")
    (folder / "report.pdf").write_bytes(make_pdf([BUSES, "It took 48 hours."], info={"Title": "The buses"}))
    (folder / "latin.txt").write_bytes("Café prices rose 5% in 2011.".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
