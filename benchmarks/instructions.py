"""Instructions, not seconds: this tree's extract() against commit REV's, counted by valgrind's
callgrind, which gives the same count for the same work whatever else the machine is doing (a
shared machine's seconds vary by a third from run to run; its instruction counts by well under 1%).

    .venv/bin/python benchmarks/instructions.py REV [--chars 20000]

Each side runs in its own process under callgrind twice: once importing and extracting the texts
(the warm-up: patterns compiled on first need, caches filled), once extracting them a second time
too; the difference is the steady state's count, what a long run pays a character. Texts: the news
paragraphs ``speed.py`` times (the seeds' sentences, numbers varied), the golden generated text
(tests/engine/golden/generated.txt: a figure every few words, denser than any news) and, when
../shared is there, the NewsQuant dev sentences, ``--chars`` characters of each. Needs valgrind
(Debian's package). Run by hand: it takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from speed import corpus  # the news paragraphs speed.py times (run as a script: benchmarks/ is on the path)

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "tests" / "engine" / "golden" / "generated.txt"
NEWSQUANT = ROOT.parent / "shared" / "bench" / "newsquant_dev.jsonl"
WORK = """
import json, sys
sys.path.insert(0, sys.argv[1])
from numbers_extract import extract
texts = json.load(open(sys.argv[2], encoding="utf-8"))
for text in texts:  # warm-up: every pattern these texts need is compiled, every cache filled
    extract(text)
if sys.argv[3] == "run":  # the steady state: what the second pass over the same texts costs
    for text in texts:
        extract(text)
"""


def count(tree: Path, texts: Path, what: str) -> int:
    """Instructions executed by one process (callgrind's "Collected")."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", WORK]
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same hashes, the same sets and dicts: the same count
    done = subprocess.run([*cmd, str(tree), str(texts), what], capture_output=True, text=True, check=True, env=env)
    found = re.search(r"Collected : (\d+)", done.stderr)
    assert found is not None, done.stderr[-2000:]
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", metavar="REV")
    parser.add_argument("--chars", type=int, default=20_000, help="characters of each corpus (default 20,000)")
    args = parser.parse_args()
    sets = {
        "news paragraphs (speed.py's)": corpus(args.chars).split("\n\n"),
        "generated text": GENERATED.read_text(encoding="utf-8")[: args.chars].split("\n\n"),
    }
    if NEWSQUANT.exists():
        sentences, taken = [], 0
        for line in NEWSQUANT.open(encoding="utf-8"):
            if taken < args.chars:
                sentences.append(json.loads(line)["text"])
                taken += len(sentences[-1])
        sets["NewsQuant dev sentences"] = sentences
    else:
        print(f"NewsQuant sentences: {NEWSQUANT} not found, skipped")
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), args.base], check=True)
        try:
            for name, texts in sets.items():
                data = Path(tmp) / "texts.json"
                data.write_text(json.dumps(texts), encoding="utf-8")
                chars = sum(map(len, texts))
                base = count(tree, data, "run") - count(tree, data, "import")
                here = count(ROOT, data, "run") - count(ROOT, data, "import")
                print(f"{name}: {chars:,} characters")
                print(f"  {args.base[:12]:12} {base / chars:10,.0f} instructions a character")
                print(f"  this tree    {here / chars:10,.0f} instructions a character   ratio {base / here:.3f}x")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
