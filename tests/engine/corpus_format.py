"""The corpus format: the rules' examples, as data, read into cases for one parametrized test.

A corpus file holds cases. A case is a line of text at column 0, followed by the figures it must
give, one indented line each, in order:

    The ferry carried some 1,600 people.
        some 1,600 | value=1600; qualifier=approximate; kind=count; entity=people

`nothing` (indented) says the text gives no figure at all. An indented line `rules: a, b` names
the rules the case is an example of, as ``explain`` names them (``stage.rule``, e.g.
``entity.of_measure``, ``kept.name``): each must fire on the case's text (on a figure, or on a
numeral it drops), and every rule of every table must be named by some case. A line `xfail: why`
right before a case marks a known failure: the test is a strict xfail, so a fix is noticed. Lines
starting with `#` are comments. Field values: `None`, a number, or text (surrounding quotes are optional and
keep spaces); fields not named are not checked, but every figure must be listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "corpus"


@dataclass(frozen=True)
class Expected:
    surface: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    text: str
    expected: tuple[Expected, ...]
    xfail: str = ""
    rules: tuple[str, ...] = ()  # the rules this case is an example of

    @property
    def id(self) -> str:
        short = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"{self.file}:{self.line}: {short}"


def _value(raw: str) -> Any:
    raw = raw.strip()
    if raw == "None":
        return None
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    try:
        return int(raw)
    except ValueError:
        pass
    try:
        return float(raw)
    except ValueError:
        return raw


def _expected(line: str) -> Expected:
    surface, _, rest = line.strip().partition(" | ")
    fields: dict[str, Any] = {}
    for item in rest.split(";"):
        if item.strip():
            name, _, value = item.partition("=")
            fields[name.strip()] = _value(value)
    return Expected(surface.strip(), fields)


def load(path: Path) -> list[Case]:
    cases: list[Case] = []
    text = ""
    start = 0
    expected: list[Expected] = []
    xfail = ""
    pending_xfail = ""
    nothing = False
    rules: list[str] = []

    def close() -> None:
        if text:
            if not expected and not nothing:
                raise ValueError(f"{path.name}:{start}: a case with no expectation")
            cases.append(Case(path.name, start, text, tuple(expected), xfail, tuple(rules)))

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw.startswith("xfail:"):
            pending_xfail = raw[len("xfail:") :].strip() or "known failure"
            continue
        if raw[0].isspace():
            if not text:
                raise ValueError(f"{path.name}:{number}: an expectation before any text")
            if raw.strip() == "nothing":
                nothing = True
            elif raw.strip().startswith("rules:"):
                rules += [r.strip() for r in raw.strip()[len("rules:") :].split(",") if r.strip()]
            else:
                expected.append(_expected(raw))
            continue
        close()
        text, start, expected, nothing, rules = raw, number, [], False, []
        xfail, pending_xfail = pending_xfail, ""
    close()
    return cases


def all_cases() -> list[Case]:
    return [case for path in sorted(CORPUS.glob("*.txt")) for case in load(path)]
