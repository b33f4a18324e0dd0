"""Speed, in one process and one run, on the same texts: our extract, quantulum3's parser and a
bare regex scan for number candidates; then peak memory for extracting and exporting.

    .venv/bin/python benchmarks/speed.py            # NewsQuant sentences (when ../shared is there) + 1 MB
    .venv/bin/python benchmarks/speed.py --big      # also the 10 MB corpus, and --workers 1 vs every core
    .venv/bin/python benchmarks/speed.py --stream 200   # also 200 MB of articles to CSV/JSONL: peak memory
    .venv/bin/python benchmarks/speed.py --against REV  # also this tree's extract() against commit REV's,
                                                        # side by side in one run (each in its own process)

Run by hand, not by the tests. Texts: the NewsQuant dev sentences from ../shared/bench when
present (said when not), and news-like paragraphs made from the seeds' sentences with their
numbers varied (1 MB; 10 MB with --big), fed a paragraph at a time (quantulum3 slows down badly
on long texts: fed one 200 kB text it reads a few hundred characters a second). quantulum3 reads
about 12,000 characters a second, so it is timed on the first 200,000 characters of a corpus
only; its rate is what is compared.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
NEWSQUANT = ROOT.parent / "shared" / "bench" / "newsquant_dev.jsonl"
SCAN = regex.compile(
    r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|hundred|thousand|million|billion|dozen)\b",
    regex.IGNORECASE,
)
QUANTULUM_SAMPLE = 200_000  # characters


def corpus(size: int, seed: int = 7) -> str:
    """News-like paragraphs of about ``size`` characters: the seeds' sentences, shuffled, numbers varied."""
    sentences = [
        s.strip()
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for s in regex.split(r"(?<=[.!?”])\s+|\n", path.read_text("utf-8"))
        if s.strip()
    ]  # not the engine's splitter: the same text for any version of the engine
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(rng.choice(sentences) for _ in range(5))
        paragraph = regex.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group()))), paragraph)
        out.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(out)


def rate(work: Callable[[], object], chars: int, runs: int = 1) -> float:
    """Characters a second: the best of ``runs`` (the machine's other work only ever slows a run)."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return chars / best


def quantulum() -> Callable[[str], object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("warm up: 5 km")  # its first call builds the catalogue (seconds): not counted
    return parser.parse  # type: ignore[no-any-return]


def compare(name: str, texts: list[str]) -> None:
    from numbers_extract import extract

    chars = sum(map(len, texts))
    extract("Warm-up: the patterns compile on first need, 5 km, $3bn, 40%, the agency said.")  # not timed
    runs = 3 if chars < 2_000_000 else 1
    ours = rate(lambda: [extract(t) for t in texts], chars, runs)
    scan = rate(lambda: [sum(1 for _ in SCAN.finditer(t)) for t in texts], chars, runs)
    parse = quantulum()
    sample: list[str] = []
    taken = 0
    for t in texts:
        if taken >= QUANTULUM_SAMPLE:
            break
        piece = t[: QUANTULUM_SAMPLE - taken]
        sample.append(piece)
        taken += len(piece)
    theirs = rate(lambda: [parse(t) for t in sample], taken)
    print(f"{name}: {chars:,} characters")
    print(f"  numbers_extract  {ours:12,.0f} chars/s")
    print(f"  quantulum3       {theirs:12,.0f} chars/s   (on the first {taken:,} characters)")
    print(f"  bare regex scan  {scan:12,.0f} chars/s")
    print(f"  ours/quantulum3  {ours / theirs:8.1f}x    ours/scan {ours / scan:6.3f}x")


PEAK = """
import resource, sys, time
from numbers_extract import extract, to_csv, to_xlsx
text = open(sys.argv[1], encoding="utf-8").read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
figures = extract(text)
if sys.argv[2] == "csv":
    to_csv(figures, sys.argv[3])
elif sys.argv[2] == "xlsx":
    to_xlsx(figures, sys.argv[3])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{len(figures):,} figures, {time.perf_counter() - t:.1f} s, peak {peak / 1024:.0f} MB "
      f"(text loaded: {base / 1024:.0f} MB)")
"""


def memory(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.txt"
        source.write_text(text, encoding="utf-8")
        for what in ("extract", "csv", "xlsx"):
            out = Path(tmp) / f"out.{what}"
            run = subprocess.run(
                [sys.executable, "-c", PEAK, str(source), what, str(out)], capture_output=True, text=True, check=True
            )
            print(f"  {what:8} {run.stdout.strip()}")


def first_call() -> None:
    code = (
        "import time; t = time.perf_counter(); from numbers_extract import extract; "
        "extract('Some 1,600 people left in 32 buses.'); print(f'{time.perf_counter() - t:.3f}')"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout) for _ in range(3)
    ]
    print(f"first call (import + one extract, fresh process): {min(runs):.3f} s (best of 3)")


def folder(where: Path, size: int, file_size: int = 20_000) -> int:
    """The generated news written as articles of about ``file_size`` characters in ``where``; how many."""
    text = corpus(size, seed=11)
    paragraphs = text.split("\n\n")
    where.mkdir(parents=True, exist_ok=True)
    count = 0
    batch: list[str] = []
    for paragraph in paragraphs:
        batch.append(paragraph)
        if sum(map(len, batch)) >= file_size:
            (where / f"{count:06d}.txt").write_text("\n\n".join(batch), encoding="utf-8")
            count += 1
            batch = []
    if batch:
        (where / f"{count:06d}.txt").write_text("\n\n".join(batch), encoding="utf-8")
        count += 1
    return count


RUN = """
import resource, subprocess, sys, time
t = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
if done.returncode != 0:
    sys.exit(done.stderr)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{time.perf_counter() - t:.2f} {peak / 1024:.0f}")
"""


def cli(*args: str) -> tuple[float, float]:
    """Wall seconds and the peak RSS (MB) of the largest process of one CLI run, in a fresh process."""
    cmd = [sys.executable, "-c", RUN, sys.executable, "-m", "numbers_extract", *args, "-q"]
    seconds, peak = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    return float(seconds), float(peak)


def workers(size: int) -> None:
    """The CLI over a folder of articles with one worker and with every core: time and same output."""
    import os

    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        n = folder(Path(tmp) / "news", size)
        one, two = Path(tmp) / "one.csv", Path(tmp) / "all.csv"
        t1, m1 = cli(str(Path(tmp) / "news"), "-o", str(one), "--workers", "1")
        tn, mn = cli(str(Path(tmp) / "news"), "-o", str(two), "--workers", str(cores))
        same = one.read_bytes() == two.read_bytes()
        print(f"CLI over {n:,} articles, {size / 1e6:.0f} MB, to CSV:")
        print(f"  --workers 1      {t1:7.1f} s   {size / t1:12,.0f} chars/s   peak {m1:.0f} MB")
        print(f"  --workers {cores}      {tn:7.1f} s   {size / tn:12,.0f} chars/s   peak {mn:.0f} MB (largest process)")
        print(f"  speed-up {t1 / tn:.2f}x on {cores} cores; same CSV bytes: {same}")


def streaming(size: int) -> None:
    """A corpus far larger than a document, extracted to CSV and JSONL: peak memory stays flat."""
    with tempfile.TemporaryDirectory() as tmp:
        n = folder(Path(tmp) / "news", size, file_size=100_000)
        print(f"streaming {n:,} articles, {size / 1e6:.0f} MB, --workers 1:")
        for suffix in ("csv", "jsonl"):
            seconds, peak = cli(str(Path(tmp) / "news"), "-o", str(Path(tmp) / f"out.{suffix}"), "--workers", "1")
            out = (Path(tmp) / f"out.{suffix}").stat().st_size
            print(f"  {suffix:6} {seconds:7.1f} s  peak {peak:.0f} MB  output {out / 1e6:,.0f} MB")


def scaling() -> None:
    """One extract() over a whole long text, at two sizes: the time must grow with the size, not
    faster. The text is dense in figures and has no brackets, so that a pattern left unbounded
    (the regex module looks for a pattern's literal to the end of the string) shows as a ratio
    well over 4."""
    from numbers_extract import extract

    line = "On May {d}, 2020 and {i} more. Prices rose 5%, up from 3%, in 2019, 2020, 2021. "
    times = []
    for n in (1_000, 4_000):
        text = "".join(line.format(d=i % 28 + 1, i=i) for i in range(n))
        t = time.perf_counter()
        extract(text)
        times.append((len(text), time.perf_counter() - t))
    (small, t1), (large, t4) = times
    print(
        f"one text of {small:,} then {large:,} characters: {t1:.2f} s, {t4:.2f} s; "
        f"time ratio {t4 / t1:.1f} for a size ratio {large / small:.1f} (linear: about the same)"
    )


TIMED = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from numbers_extract import extract
texts = json.load(open(sys.argv[2], encoding="utf-8"))
extract("Warm-up: the patterns compile on first need, 5 km, $3bn, 40%, the agency said.")
best = float("inf")
for _ in range(int(sys.argv[3])):
    t = time.perf_counter()
    for text in texts:
        extract(text)
    best = min(best, time.perf_counter() - t)
print(best)
"""


def side_by_side(base: str, rounds: int = 4) -> None:
    """This tree's extract() and commit ``base``'s on the same texts, in alternating fresh processes
    (the machine's speed drifts: alternating spreads the drift over both); the best of each."""
    sets = {"generated news paragraphs, 1 MB": corpus(1_000_000).split("\n\n")}
    if NEWSQUANT.exists():
        sets["NewsQuant dev sentences"] = [json.loads(line)["text"] for line in NEWSQUANT.open(encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), base], check=True)
        try:
            for name, texts in sets.items():
                data = Path(tmp) / "texts.json"
                data.write_text(json.dumps(texts), encoding="utf-8")
                best = {"base": float("inf"), "here": float("inf")}
                for _ in range(rounds):
                    for side, where in (("base", tree), ("here", ROOT)):
                        cmd = [sys.executable, "-c", TIMED, str(where), str(data), "2"]
                        seconds = float(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
                        best[side] = min(best[side], seconds)
                chars = sum(map(len, texts))
                print(f"{name}: {chars:,} characters, best of {rounds * 2} runs each")
                print(f"  {base[:12]:12} {chars / best['base']:12,.0f} chars/s")
                ratio = best["base"] / best["here"]
                print(f"  this tree    {chars / best['here']:12,.0f} chars/s   ratio {ratio:.2f}x")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also time the 10 MB corpus, and the CLI over it with workers")
    ap.add_argument(
        "--stream", type=int, metavar="MB", default=0, help="also extract MB megabytes of articles to CSV and JSONL"
    )
    ap.add_argument("--against", metavar="REV", help="also time commit REV's extract() beside this tree's")
    args = ap.parse_args()
    if args.against:
        side_by_side(args.against)
    print(f"peak RSS before: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    first_call()
    if NEWSQUANT.exists():
        sentences = [json.loads(line)["text"] for line in NEWSQUANT.open(encoding="utf-8") if line.strip()]
        compare("NewsQuant dev sentences, one extract() each", sentences)
    else:
        print(f"NewsQuant sentences: {NEWSQUANT} not found, skipped")
    scaling()
    one = corpus(1_000_000)
    compare("generated news, 1 MB, one extract() a paragraph", one.split("\n\n"))
    print("peak memory, 1 MB:")
    memory(one)
    if args.big:
        ten = corpus(10_000_000)
        compare("generated news, 10 MB, one extract() a paragraph", ten.split("\n\n"))
        print("peak memory, 10 MB:")
        memory(ten)
        workers(10_000_000)
    if args.stream:
        streaming(args.stream * 1_000_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
