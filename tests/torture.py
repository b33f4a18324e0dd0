"""The torture corpus (issue 5): hostile and huge inputs, made by code so that no megabytes are committed.

Each case is a file, the status its document must get, and the time and memory its run of the command
line may take: generous bounds, a regression alarm. A case with many figures writes JSON Lines, the
others a workbook (openpyxl takes longer than extraction). tests/test_torture.py makes the corpus at
test time and runs each file through the CLI in a subprocess, for what it must give;
benchmarks/torture.py runs the same cases against their time and memory bounds.

By hand, the full corpus (10 MB of figures instead of 1 MB, and every bound scaled with it)::

    .venv/bin/python -m tests.torture /tmp/torture --full       # write the corpus
    .venv/bin/numbers-extract /tmp/torture -o /tmp/torture.xlsx  # run it
    TORTURE=full .venv/bin/pytest tests/test_torture.py          # or the test, at full size
    .venv/bin/python benchmarks/torture.py --full                # or each case against its bounds
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

OK, REPLACED, SKIPPED = "ok", "decoded with replacement", "skipped"
TAIL = "\nIt cost 5 dollars.\n"  # after the hostile part: found, or something was lost
MB = 1_000_000


@dataclass(frozen=True)
class Case:
    name: str  # the file's name in the corpus
    make: Callable[[bool], bytes]  # its bytes; the argument asks for the full size
    status: str  # what its document must become
    seconds: float  # the most its run may take (at the test's size)
    megabytes: float  # the most memory (peak resident set) its run may take
    tail: bool = True  # whether TAIL's figure must be found
    output: str = "xlsx"  # what the run writes: the workbook, or JSON Lines where the workbook would be slow


def _prose(size: int, seed: int = 5) -> str:
    """News-like paragraphs full of figures, ``size`` characters or a little more."""
    rng = random.Random(seed)
    subjects = ("The army", "Officials", "The company", "Manning", "A monitoring group", "Revenue", "Shares")
    verbs = (
        "said some {n:,} people left in {m} buses", "cleared more than {n:,} square miles of territory",
        "rose {p}% to ${b}bn", "took nearly {m} hours", "reported between {m} and {n} deaths",
        "spent about {n:,} dollars on {m} projects", "grew by {p} per cent in {y}", "fell {p}% on May {d}, {y}",
    )  # fmt: skip
    out: list[str] = []
    n = 0
    while n < size:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            verb = rng.choice(verbs).format(
                n=rng.randint(10, 10**6), m=rng.randint(2, 99), p=round(rng.uniform(0.1, 40), 1),
                b=round(rng.uniform(1, 20), 1), y=rng.randint(1990, 2024), d=rng.randint(1, 28),
            )  # fmt: skip
            sentences.append(f"{rng.choice(subjects)} {verb}.")
        paragraph = " ".join(sentences) + "\n\n"
        out.append(paragraph)
        n += len(paragraph)
    return "".join(out)


def _text(text: str | bytes) -> bytes:
    return (text if isinstance(text, bytes) else text.encode("utf-8")) + TAIL.encode("utf-8")


MIXED = (
    "وقال المرصد إن ١٬٦٠٠ شخص غادروا في ٣٢ حافلة. "  # Arabic, Arabic-Indic digits
    "הצבא אמר כי 1,600 איש עזבו ב-32 אוטובוסים. "  # Hebrew, right to left
    "सेना ने कहा कि १६०० लोग ३२ बसों में गए। "  # Devanagari digits
    "军方说有1600人乘坐32辆公共汽车离开。 "  # Chinese, full-width stop
    "Армия сообщила, что 1 600 человек уехали на 32 автобусах. "  # Cyrillic, space separator
    "กองทัพกล่าวว่า ๑๖๐๐ คน "  # Thai digits
    "Some \u202e1,600\u202c people left in 32 buses, \u2067officials\u2069 said. "  # bidi controls
    "Z\u0336a\u0301l\u0308g\u20dd 5\u0301 km.\n"  # combining marks
)
FORMULAS = (
    '=HYPERLINK("http://example.com","click") cost 5 dollars.\n+SUM(1,2) said 40 people.\n'
    "@cmd|' /C calc'!A0 sent 7 buses.\n-2+3 was the score, and the loss was -2 dollars.\n"
    "\tTAB led 9 people.\n\rCR said 3 km.\n=1+1\t=2+2 rose 5%.\n"
)
CONTROLS = "It cost 5\x07 dollars.\x1b[31m 7\x0c km\x0b. \x01 and 9\x1f\x7f\x85 tonnes.\r\n"
SURROGATES = b"Some 1,600 \xed\xa0\x80 people left in 32\xed\xbf\xbf buses on Monday, the group said.\n"
ZERO_WIDTH = "Some 1\u200b600 people left in 3\u200c2 buses.\u200d It \ufeffcost\u2060 5\u00ad000 dollars.\n"


CASES = (
    # long lines: one line of prose without a break, one "word" of 2 MB
    Case("long_line.txt", lambda full: _text(_prose(3 * MB if full else 200_000).replace("\n", " ")), OK, 40, 300,
         output="jsonl"),
    Case("long_word.txt", lambda full: _text("x" * (20 if full else 2) * MB), OK, 20, 300),
    # runs of digits and separators: each one skipped token, not a quadratic scan
    Case("million_digits.txt", lambda full: _text("7" * (10 if full else 1) * MB), OK, 20, 300),
    Case("million_arabic_digits.txt", lambda full: _text("٣" * MB), OK, 20, 300),
    Case("million_commas.txt", lambda full: _text("," * (10 if full else 1) * MB), OK, 20, 300),
    Case("digits_and_commas.txt", lambda full: _text("1," * 500_000), OK, 20, 300),
    Case("digits_and_dots.txt", lambda full: _text("1." * 500_000), OK, 20, 300),
    # nesting and scripts
    Case("nested_parentheses.txt", lambda full: _text("(" * 100_000 + TAIL + ")" * 100_000), OK, 20, 300),
    Case("brackets.txt", lambda full: _text("([{<«“" * 50_000 + ">}])»”" * 50_000), OK, 20, 300),
    Case("mixed_scripts.txt", lambda full: _text(MIXED * 200), OK, 30, 300),
    # text that tries to be something else: formulas, control characters, invisible characters
    Case("formulas.txt", lambda full: _text(FORMULAS * 100), OK, 20, 300),
    Case("control_characters.txt", lambda full: _text(CONTROLS * 1000), OK, 20, 300),
    Case("zero_width.txt", lambda full: _text(ZERO_WIDTH * 500), OK, 30, 300),
    # lone surrogates as a broken encoder writes them (the UTF-8 of U+D800, U+DFFF): decoded with replacement
    Case("lone_surrogates.txt", lambda full: _text(SURROGATES * 1000), REPLACED, 20, 300),
    # many figures in one sentence (as the sentence splitter sees it): once quadratic in the engine
    Case("data_table.txt", lambda full: _text("2011 5.3 6.1\n" * 5000), OK, 30, 300, output="jsonl"),
    Case("bare_numbers.txt", lambda full: _text("1 " * 10_000), OK, 30, 300, output="jsonl"),
    # many lines, or only line breaks
    Case("short_lines.txt", lambda full: _text("It cost 5 dollars.\n" * 10_000), OK, 30, 300, output="jsonl"),
    Case("blank_lines.txt", lambda full: _text("\n" * MB + "\r\n" * MB), OK, 40, 500),
    # not text at all
    Case("binary.txt", lambda full: random.Random(1).randbytes(MB), SKIPPED, 10, 200, tail=False),
    Case("zip_named_txt.txt", lambda full: b"PK\x03\x04" + b"It cost 5 dollars. " * 1000, SKIPPED, 10, 200, tail=False),
    # 10 MB of figures by hand (--full); 1 MB in the test command
    Case("figures.txt", lambda full: _text(_prose(10 * MB if full else MB)), OK, 90, 400, output="jsonl"),
)  # fmt: skip


def write(folder: Path, full: bool = False) -> list[Path]:
    """Write every case into ``folder``; returns their paths, in the order of CASES."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in CASES:
        path = folder / case.name
        path.write_bytes(case.make(full))
        paths.append(path)
    return paths


def measure(args: list[str]) -> None:
    """Run the CLI with ``args`` in this process and print, as JSON, its exit status, the seconds it took
    and the peak resident memory of this process (megabytes)."""
    from numbers_extract.cli import main

    began = time.perf_counter()
    status = main(args)
    seconds = time.perf_counter() - began
    print(json.dumps({"status": status, "seconds": seconds, "megabytes": _peak_megabytes()}), file=sys.__stdout__)


def _peak_megabytes() -> float:
    """This process's peak resident memory. /proc's VmHWM starts afresh at exec; getrusage's ru_maxrss
    would count the memory of the parent that forked it (pytest's, hundreds of MB)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:  # pragma: no cover - not Linux
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / (1024 if sys.platform == "darwin" else 1)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2:])
    else:
        write(Path(sys.argv[1]), full="--full" in sys.argv[2:])
