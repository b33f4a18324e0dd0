"""Snapshot quantulum3's unit catalogue and pint's conversions into data files of ours.

quantulum3 builds its catalogue (398 units, 1,366 surfaces, 515 symbols, plurals included) in
about 3 s at import time; the extractor must start in a fraction of that. So the catalogue is
read once from quantulum3, written to ``data/quantulum3_units.json`` and shipped; a test
rebuilds the snapshot from the installed quantulum3 and fails when the two differ.

pint's import and registry take 2-3 s too (it imports numpy, and dask where installed): the
factor and offset pint gives each unit to its SI unit, as data/si.txt maps them, are written to
``data/si_factors.tsv`` the same way, and a test rebuilds them with pint (a dev dependency).

    python -m numbers_extract.engine.snapshot        # rewrite both from quantulum3 and pint
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).parent.parent / "data" / "quantulum3_units.json"
SI_FACTORS = Path(__file__).parent.parent / "data" / "si_factors.tsv"
_SI_HEADER = """\
# pint's conversions of the unit catalogue to SI, as data/si.txt maps each unit: a value in the unit
# NAME is value * FACTOR + OFFSET in SI_UNIT (the offset is a temperature's). Written by
# `python -m numbers_extract.engine.snapshot` from pint's default registry; a test checks that pint
# still gives exactly this. Do not edit: edit data/si.txt and rewrite it.
# NAME\tSI_UNIT\tFACTOR\tOFFSET
"""


def build_snapshot() -> dict[str, Any]:
    """The catalogue of the installed quantulum3, as plain JSON data."""
    with warnings.catch_warnings():  # quantulum3 warns that its optional classifier is absent
        warnings.simplefilter("ignore")
        from quantulum3 import load

        units = load.units("en_US")
    names = {
        name: {
            "dimension": unit.entity.name,
            "currency_code": unit.currency_code or "",
        }
        for name, unit in sorted(units.names.items())
        if name not in ("unk", "dimensionless")
    }

    def table(mapping: dict[str, Any]) -> dict[str, list[str]]:
        return {
            surface: sorted(u.name for u in found if u.name in names)
            for surface, found in sorted(mapping.items())
            if any(u.name in names for u in found)
        }

    return {
        "source": "quantulum3.load.units('en_US')",
        "units": names,
        "surfaces": table(units.surfaces),
        "symbols": table(units.symbols),
    }


def _pint_name(name: str) -> str:
    """The name pint has for a catalogue unit it knows as the catalogue does: "light-year" is its
    light_year."""
    return name.replace(" ", "_").replace("-", "_")


def build_si_factors() -> str:
    """data/si_factors.tsv's text: for each unit data/si.txt converts with pint, pint's factor and
    offset (a temperature's) to its SI unit, written as Python writes the float (read back exactly).
    Raises ValueError naming the units pint does not convert: data/si.txt must say why they have
    none."""
    import pint

    from .si import Target, load_si, planned  # here: si.py reads SI_FACTORS from this module
    from .units import load_catalogue

    registry: pint.UnitRegistry[Any] = pint.UnitRegistry()
    expressions = load_si().pint
    lines, failed = [_SI_HEADER], []
    for name in sorted(load_catalogue().units):
        target = planned(name)
        if not isinstance(target, Target):
            continue
        try:  # pint's errors: undefined unit, another dimensionality, a syntax error
            given = registry.parse_expression(expressions.get(name, _pint_name(name)))
            goal = registry.parse_expression(target.pint).units
            zero, one = registry.Quantity(0, given.units), registry.Quantity(1, given.units)
            factor = float(given.magnitude) * float((one - zero).to(goal).magnitude)  # a difference: no offset
            offset = float(zero.to(goal).magnitude)
        except Exception as e:
            failed.append(f"{name!r}: {type(e).__name__}: {e}")
            continue
        lines.append(f"{name}\t{target.symbol}\t{factor!r}\t{offset!r}\n")
    if failed:
        raise ValueError("pint does not convert these units; data/si.txt must list them: " + "; ".join(failed))
    return "".join(lines)


def main() -> int:
    SNAPSHOT.write_text(json.dumps(build_snapshot(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}", file=sys.stderr)
    SI_FACTORS.write_text(build_si_factors(), encoding="utf-8")
    print(f"wrote {SI_FACTORS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
