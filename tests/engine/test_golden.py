"""The golden tables (tests/engine/golden): the seeds, every corpus case and the generated text give the
table committed in tests/engine/golden/expected.jsonl, figure for figure and column for column."""

from __future__ import annotations

from tests.engine.golden.__main__ import current, differences, expected


def test_the_golden_texts_give_the_committed_table() -> None:
    diff = differences(expected(), current())
    assert not diff, (
        "the table changed ('-' committed, '+' now); if the change is meant, list it and run "
        "`python -m tests.engine.golden --write`:\n" + "\n".join(diff)
    )
