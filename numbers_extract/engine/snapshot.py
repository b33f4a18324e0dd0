"""Snapshot quantulum3's unit catalogue into a data file of ours.

quantulum3 builds its catalogue (398 units, 1,366 surfaces, 515 symbols, plurals included) in
about 3 s at import time; the extractor must start in a fraction of that. So the catalogue is
read once from quantulum3, written to ``data/quantulum3_units.json`` and shipped; a test
rebuilds the snapshot from the installed quantulum3 and fails when the two differ.

    python -m numbers_extract.engine.snapshot        # rewrite the snapshot from quantulum3
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).parent.parent / "data" / "quantulum3_units.json"


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


def main() -> int:
    SNAPSHOT.write_text(json.dumps(build_snapshot(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
