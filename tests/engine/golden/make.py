"""The golden corpus's generated text: news-like paragraphs from fixed word lists and templates.

    python -m tests.engine.golden.make        # rewrites tests/engine/golden/generated.txt (the text is committed)

The words live here, not in the engine's lexicon, so the text does not move when the engine's
word classes do. The templates combine what the engine reads (number styles, units and currency
symbols, qualifier cues, trend verbs and nouns, ranges, from-to changes, ratios, ages, dates,
speakers, pronouns, quotations, asides, lists, labels and names) at random, with a fixed seed:
the point is breadth, so that a rewrite that changes any rule's output shows up somewhere.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "generated.txt"
SNAPSHOT = HERE.parents[2] / "numbers_extract" / "data" / "quantulum3_units.json"
SIZE = 280_000  # characters of templates; then the corpora's and the seeds' sentences, shuffled
CORPUS = HERE.parent / "corpus"
SEEDS = HERE.parents[2] / "seeds"

NAMES = (
    "Tesla", "Acme Corp", "Nissan", "Qantas", "the Bank of England", "Bitcoin", "Apple", "the S&P 500",
    "the FTSE 100", "Vodafone", "Unilever", "the Nikkei", "Gold", "Brent crude", "the euro", "Amazon",
    "the Dow", "Shell", "Toyota", "Barclays", "the NHS", "Ryanair", "Netflix", "Samsung", "Boeing",
)  # fmt: skip
PEOPLE = (
    "Maddon", "Jane Doe", "Dr Smith", "Chris Wood", "Ms Lopez", "Mr Patel", "Manning", "Angela Merkel",
    "Professor Hughes", "the chief executive", "the minister", "a spokeswoman for the trust",
)  # fmt: skip
BODIES = (
    "the Office for National Statistics", "the ministry", "the company", "the Syrian Observatory for Human Rights",
    "police", "officials", "analysts", "the regulator", "the union", "Reuters", "the World Bank",
    "the Associated Press", "a survey of 2,000 adults", "researchers at Oxford", "the agency",
    "economists polled by Reuters", "the health department", "organisers", "the firm",
)  # fmt: skip
SAY = ("said", "says", "told reporters", "reported", "estimated", "announced", "noted", "added", "warned",
       "forecast", "expects", "found", "revealed", "claimed", "wrote", "confirmed")  # fmt: skip
UP = ("rose", "jumped", "climbed", "increased", "grew", "surged", "soared", "gained", "added", "edged up",
      "rallied", "raised", "boosted", "hiked", "doubled", "expanded", "was up", "is up", "ticked up")  # fmt: skip
DOWN = ("fell", "dropped", "slid", "declined", "shrank", "plunged", "lost", "cut", "slumped", "tumbled",
        "eased", "dipped", "was down", "shed", "reduced", "lowered", "slipped", "sank", "contracted")  # fmt: skip
PLAIN = ("reached", "hit", "totalled", "stood at", "was", "is", "cost", "sold", "employs", "carried",
         "measured", "weighed", "covers", "spent", "paid", "won", "recorded", "posted", "has", "had",
         "will hire", "plans to build", "bought", "received", "needs", "counted", "delivered")  # fmt: skip
TREND_NOUNS = ("rise", "increase", "gain", "jump", "drop", "fall", "decline", "cut", "hike", "slump",
               "growth", "loss", "reduction", "improvement", "change")  # fmt: skip
CUES = ("", "", "", "", "about ", "around ", "nearly ", "more than ", "over ", "at least ", "up to ",
        "less than ", "under ", "some ", "roughly ", "an estimated ", "as many as ", "almost ", "just over ",
        "fewer than ", "no more than ", "approximately ", "close to ", "upwards of ", "in excess of ",
        "well over ", "barely ", "within ", "~", ">", "the best part of ")  # fmt: skip
AFTER = ("", "", "", "", "", "+", " or more", " or so", "-plus", " plus", " odd")
NOUNS = (
    "people", "buses", "jobs", "homes", "cars", "votes", "students", "patients", "shares", "barrels of oil",
    "acres of land", "tonnes of rice", "workers", "flights", "stores", "passengers", "cases", "deaths",
    "visitors", "troops", "refugees", "customers", "employees", "vehicles", "units", "subscribers", "goals",
    "points", "rebounds", "seats", "beds", "doses", "trees", "sheep", "children", "teachers", "nurses",
    "homes in the area", "new infections", "civilians", "fighters", "protesters", "staff", "police officers",
    "electric vehicles", "Model 3 sedans", "iPhones", "members", "of the workforce", "of its staff",
)  # fmt: skip
THINGS = (
    "revenue", "profit", "sales", "the budget", "the deficit", "inflation", "unemployment", "the price",
    "the fine", "the deal", "the dividend", "output", "exports", "imports", "the forecast", "wages",
    "house prices", "the fare", "the cost", "the bill", "turnover", "spending", "debt", "its market share",
    "the turnout", "the death toll", "the crowd", "rainfall", "the temperature", "the speed limit",
    "the range", "battery capacity", "the plant's capacity", "the tunnel", "the bridge", "the ship",
)  # fmt: skip
TIMES = ("", "", "", " last year", " this week", " on Monday", " in 2021", " since 2019", " a year earlier",
         " in the past 48 hours", " over five years", " in the first quarter", " by 2030", " in March",
         " on Thursday", " overnight", " in early trade", " year-on-year", " q/q", " in the year to June",
         " at the close", " in September", " in August", " during the pandemic")  # fmt: skip
PLACES = ("in Ohio", "across Europe", "in the capital", "in Syria", "near the border", "in London",
          "nationwide", "in the region", "at the plant", "in Delhi", "on the island", "in rural areas")  # fmt: skip
WORD_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "fifteen", "twenty", "twenty-five", "thirty", "forty-two", "fifty", "a hundred",
                "two hundred", "three thousand", "a dozen", "half a million", "a quarter of a million",
                "two and a half", "a million", "seventy-five", "ninety-nine", "nineteen", "sixty")  # fmt: skip
VAGUE = ("dozens of", "hundreds of", "thousands of", "tens of thousands of", "a few hundred", "several thousand",
         "a handful of", "millions of", "scores of", "a couple of hundred", "several dozen")  # fmt: skip
FRACTIONS = ("a third", "half", "a quarter", "two-thirds", "three-quarters", "a fifth", "1/2", "3/4", "2½",
             "one in five", "9 out of 10", "one in three", "a tenth")  # fmt: skip
SCALES = ("", "", "", " million", " billion", "m", "bn", "k", " thousand", " trillion", " lakh", " crore", "mn")
CURRENCY_BEFORE = ("$", "$", "£", "€", "US$", "C$", "A$", "HK$", "¥", "Rs ", "EUR ", "USD ", "₹", "R$", "CHF ",
                   "NZ$", "S$", "RMB ", "₩", "NT$", "SEK ", "PS")  # fmt: skip
CURRENCY_AFTER = (" dollars", " euros", " pounds", " yen", " yuan", " rupees", " pence", "p", " cents", " francs",
                  " pesos", " kronor", " lira", " naira", " ringgit", " rand", " shekels", " won", " baht")  # fmt: skip
SHARES = ("%", "%", " percent", " per cent", " percentage points", " basis points", " points", " pct", "pc",
          " bps", " ppm", " per cent a year")  # fmt: skip
EXTRA_UNITS = ("km", "miles", "kg", "lbs", "pounds", "tonnes", "tons", "litres", "gallons", "degrees", "°C",
               "°F", "F", "C", "mph", "km/h", "hours", "minutes", "days", "years", "months", "weeks", "acres",
               "hectares", "square miles", "sq ft", "MW", "GW", "kWh", "GB", "TB", "m", "cm", "mm", "ft", "in",
               "inches", "feet", "metres", "yards", "knots", "hp", "bhp", "mpg", "MPa", "psi", "decibels",
               "calories", "kcal", "mg", "ml", "oz", "stone", "nautical miles", "light years", "seconds",
               "millennia", "decades", "centuries", "GHz", "MHz", "volts", "watts", "amps", "barrels",
               "cubic metres", "m3", "km2", "m²", "AU", "parsecs", "Wh", "mSv", "lb-ft", "mAh", "rpm")  # fmt: skip
LABELS = ("Section 427", "Row 21", "Game 2", "Route 66", "Boeing 737 Max", "COVID-19", "5G", "iPhone 11 Pro",
          "a magnitude 6.4 earthquake", "a category 4 hurricane", "Flight 370", "Chapter 11", "the A380",
          "Windows 10", "the F-150", "PS5 consoles", "Model 3", "the 747", "Interstate 95", "Room 101",
          "the number 23 shirt", "Article 50", "Level 3", "the 7-Eleven", "the Airbus A320neo")  # fmt: skip
DATES = ("May 15, 2018", "15 May 2018", "March 2020", "2011", "the 1990s", "fiscal 2023", "FY2024", "2019-20",
         "10:30 am", "3 pm", "noon", "midnight", "June 30", "Sept. 4", "Jan 1, 2020", "2020-05-01",
         "8.15pm", "the mid-2000s", "early 2022", "end-2024", "October 12", "December 25, 2019",
         "18:45 GMT", "April 2019", "February 29, 2024", "July 4th", "November 2021")  # fmt: skip


def _digits(rng: random.Random) -> str:
    style = rng.randrange(10)
    if style == 0:
        return f"{rng.randint(1000, 99_999_999):,}"
    if style == 1:
        return f"{rng.uniform(0, 100):.{rng.choice((1, 2))}f}"
    if style == 2:
        return str(rng.randint(1, 12))
    if style == 3:
        return f"{rng.randint(100, 999)},{rng.randint(0, 999):03d}"
    if style == 4:
        return f"{rng.uniform(1, 10):.1f}"
    if style == 5:
        return str(rng.randint(1900, 2100))
    return str(rng.randint(1, 999))


def number(rng: random.Random) -> str:
    roll = rng.randrange(20)
    if roll < 13:
        return _digits(rng) + rng.choice(SCALES)
    if roll < 16:
        return rng.choice(WORD_NUMBERS)
    if roll < 18:
        return rng.choice(FRACTIONS)
    return rng.choice(VAGUE)


def units(snapshot: dict[str, dict[str, list[str]]]) -> list[str]:
    """Every fourth catalogue surface and symbol, and the news units above: breadth, not weight."""
    surfaces = sorted(snapshot["surfaces"])[::4] + sorted(snapshot["symbols"])[::4]
    return [*surfaces, *EXTRA_UNITS, *EXTRA_UNITS]


def amount(rng: random.Random, unit_list: list[str]) -> str:
    """A number with what is written around it: currency, share, unit or nothing, and its cues."""
    cue, after = rng.choice(CUES), rng.choice(AFTER)
    roll = rng.randrange(10)
    n = _digits(rng) + rng.choice(SCALES) if rng.random() < 0.8 else number(rng)
    if roll < 3:
        body = rng.choice(CURRENCY_BEFORE) + n
    elif roll < 5:
        body = n + rng.choice(SHARES)
    elif roll < 6:
        body = n + rng.choice(CURRENCY_AFTER)
    elif roll < 9:
        unit = rng.choice(unit_list)
        body = n + rng.choice((" ", " ", "", "-")) + unit
    else:
        body = f"{n} {rng.choice(NOUNS)}"
    return cue + body + after


def clause(rng: random.Random, unit_list: list[str]) -> str:
    a, b = amount(rng, unit_list), amount(rng, unit_list)
    who, thing, noun = rng.choice(NAMES), rng.choice(THINGS), rng.choice(NOUNS)
    up, down, plain, when = rng.choice(UP), rng.choice(DOWN), rng.choice(PLAIN), rng.choice(TIMES)
    templates = (
        f"{who} {up} {a} to {b}{when}",
        f"{thing.capitalize()} {down} {a}{when}, to {b}",
        f"{who} {plain} {a}{when}",
        f"{who} {plain} {number(rng)} {noun} {rng.choice(PLACES)}{when}",
        f"{thing.capitalize()} {up} from {a} to {b}{when}",
        f"{thing.capitalize()} {down} from {_digits(rng)} to {_digits(rng)}{rng.choice(SHARES)}{when}",
        f"{who} reported a {a} {rng.choice(TREND_NOUNS)} in {thing}{when}",
        f"{thing.capitalize()} was {a}, {rng.choice(('up', 'down'))} {b} from a year earlier",
        f"{who}'s {a} {noun}",
        f"prices ranged from {a} to {b}",
        f"between {_digits(rng)} and {_digits(rng)} {noun} {rng.choice(('died', 'were hurt', 'fled', 'voted'))}",
        f"{_digits(rng)}-{_digits(rng)} {rng.choice(EXTRA_UNITS)} of {rng.choice(THINGS)}",
        f"{rng.choice(FRACTIONS)} {noun} {rng.choice(('said', 'agreed', 'voted no', 'live'))} {rng.choice(PLACES)}",
        f"{rng.choice(PEOPLE)}, {rng.randint(18, 95)}, {rng.choice(SAY)} {a}",
        f"{number(rng)} {noun} and {number(rng)} {noun} {rng.choice(PLACES)}",
        f"a {_digits(rng)}-{rng.choice(('page', 'seat', 'hour', 'mile', 'year', 'member', 'day', 'strong'))} "
        f"{rng.choice(('report', 'arena', 'ceasefire', 'journey', 'deal', 'team', 'strike', 'workforce'))}",
        f"{rng.choice(LABELS)} {plain} {a}",
        f"on {rng.choice(DATES)}, {who} {up} {a}",
        f"{thing} {down} {a}, or {b},{when}",
        f"{who} {up} {a} ({b})",
        f"{who} {plain} {a}, {b} and {amount(rng, unit_list)}",
        f"{noun.capitalize()} aged {_digits(rng)} to {_digits(rng)} {plain} {a}",
        f"{rng.choice(('men', 'women', 'people', 'adults'))} over {rng.randint(18, 90)} {plain} {a}",
        f"{who} is {rng.randint(18, 90)} and {plain} {a}",
        f"{a} {rng.choice(('a day', 'a year', 'per hour', 'a share', 'a night', 'per capita', 'each'))}",
        f"{thing.capitalize()} came in at {a} against {b} expected",
        f"{who} {up} {a} as {rng.choice(NAMES)} {down} {b}",
        f"{rng.choice(('Of the', 'Of its'))} {_digits(rng)} {noun}, {_digits(rng)} {plain} {a}",
        f"{a} in {rng.choice(('gains', 'sales', 'funding', 'damages', 'cash', 'revenue'))}",
        f"{rng.randint(1, 9)} hours {rng.randint(1, 59)} minutes",
        f"{rng.randint(4, 7)}ft {rng.randint(1, 11)}in",
        f"{who} won {rng.randint(0, 9)}-{rng.randint(0, 9)} {rng.choice(PLACES)}",
        f"the {rng.choice(('temperature', 'weather', 'angle', 'slope'))} reached {_digits(rng)} degrees",
        f"{rng.choice(('call', 'phone'))} 0800 123 {rng.randint(1000, 9999)} or visit {rng.randint(1, 999)} "
        f"{rng.choice(('Main Street', 'Zorro Ranch Road', 'New Jersey Avenue'))}",
        f"{a} ({rng.choice(('up', 'down'))} {b})",
        f"the {rng.choice(('first', 'second', 'third', 'fourth', '22nd', '3rd', 'tenth'))} "
        f"{rng.choice(('time', 'quarter', 'half', 'largest', 'month', 'place', 'round'))} {plain} {a}",
    )
    return rng.choice(templates)


def sentence(rng: random.Random, unit_list: list[str]) -> str:
    body = clause(rng, unit_list)
    roll = rng.randrange(12)
    speaker = rng.choice(PEOPLE + BODIES)
    if roll == 0:
        body = f"{speaker.capitalize() if speaker[0].islower() else speaker} {rng.choice(SAY)} {body}"
    elif roll == 1:
        body = f"{body}, {speaker} {rng.choice(SAY)}"
    elif roll == 2:
        body = f"According to {speaker}, {body}"
    elif roll == 3:
        body = f"\u201c{body[:1].upper()}{body[1:]},\u201d {speaker} said"
    elif roll == 4:
        body = f"{rng.choice(('It', 'He', 'She', 'They'))} said {body}"
    elif roll == 5:
        body = f"{body}, {rng.choice(('while', 'but', 'and', 'as', 'whereas'))} {clause(rng, unit_list)}"
    elif roll == 6:
        body = f"{body}; {clause(rng, unit_list)}"
    text = body[:1].upper() + body[1:]
    return text + rng.choice((".", ".", ".", ".", "!", "?", "", "..."))


def reshuffled(rng: random.Random, sentences: list[str], size: int, vary: bool) -> list[str]:
    """Paragraphs of real sentences in a new order (and, with ``vary``, their digits drawn anew), so
    that what one sentence says is read beside others: speakers, pronouns, quotations, ellipses."""
    out: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 6)))
        if vary:
            paragraph = re.sub(r"\d", lambda _: rng.choice("0123456789"), paragraph)
        out.append(paragraph)
        total += len(paragraph) + 2
    return out


def lines(folder: Path, split: str) -> list[str]:
    """The non-empty pieces of the folder's .txt files, split by the pattern ``split``."""
    return [p for path in sorted(folder.glob("*.txt")) for p in re.split(split, path.read_text("utf-8")) if p.strip()]


def generate(size: int = SIZE, seed: int = 13) -> str:
    rng = random.Random(seed)
    unit_list = units(json.loads(SNAPSHOT.read_text(encoding="utf-8")))
    paragraphs: list[str] = []
    total = 0
    while total < size:
        count = rng.randint(1, 7)
        paragraph = " ".join(sentence(rng, unit_list) for _ in range(count))
        if rng.random() < 0.08:  # a hard-wrapped paragraph, as a PDF or e-mail writes it
            words = paragraph.split(" ")
            paragraph = "\n".join(" ".join(words[k : k + 11]) for k in range(0, len(words), 11))
        if rng.random() < 0.05:  # a heading or a table row
            paragraph = (
                rng.choice(("REVENUE BY REGION", "Results:", "Key figures"))
                + "\n"
                + " | ".join(amount(rng, unit_list) for _ in range(rng.randint(3, 9)))
            )
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    cases = [line for line in lines(CORPUS, "\n") if not line[0].isspace() and not line.startswith(("#", "xfail:"))]
    paragraphs += reshuffled(rng, cases, size // 4, vary=False)
    paragraphs += reshuffled(rng, [line.strip() for line in lines(SEEDS, r"(?<=[.!?])\s+")], size // 4, vary=True)
    return "\n\n".join(paragraphs) + "\n"


if __name__ == "__main__":
    OUT.write_text(generate(), encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size:,} bytes")
