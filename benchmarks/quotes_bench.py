"""Time quote checking on a book-length source: a 1 MB text and 1,000 quotes.

    python benchmarks/quotes_bench.py            # prints the timings; exit 1 if over budget

The text is pseudo-English with hard line breaks, curly quotes and dashes. Of the quotes, 90% are
passages of it retyped the way people quote (other case, white space, straight quotes and
hyphens) and must be found; 10% have a word changed and must not be, so they pay for the search
for the closest passage. The whole run goes through ``argmap.check`` with ``quote-not-found``
alone, reading the text from a ``--sources`` folder, as the command line would.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

BUDGET_SECONDS = 2.0
SYLLABLES = "ba ko ri tu me sa lo ne vi da fo ga pe ru shi mon tar vel quin dor".split()


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(size)}
    return sorted(words)


def make_text(rng: random.Random, size: int = 1_000_000) -> str:
    """Pseudo-English of ``size`` characters: Zipf-distributed words, sentences, line breaks."""
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    out: list[str] = []
    length = 0
    while length < size:
        sentence = rng.choices(words, weights, k=rng.randint(6, 25))
        sentence[0] = sentence[0].capitalize()
        if rng.random() < 0.2:
            sentence[2] = f"“{sentence[2]}”"
        if rng.random() < 0.1:
            sentence[4] = f"{sentence[4]} —"
        if rng.random() < 0.2:
            sentence[3] = f"{sentence[3]}’s"
        line = " ".join(sentence) + "." + rng.choice([" ", " ", "\n", "\n\n"])
        out.append(line)
        length += len(line)
    return "".join(out)[:size]


def retype(passage: str, rng: random.Random) -> str:
    """The passage as someone might quote it: other case, spaces, quote marks and dashes."""
    text = " ".join(passage.split())
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-")
    if rng.random() < 0.5:
        text = text.upper() if rng.random() < 0.2 else text.lower()
    return text.replace(" ", rng.choice([" ", "  ", "\n"]), 2)


def make_quotes(text: str, rng: random.Random, count: int = 1000) -> list[tuple[str, bool]]:
    """``(quote, should_be_found)``: 90% retyped passages, 10% passages with a word changed."""
    quotes = []
    for number in range(count):
        start = rng.randrange(0, len(text) - 400)
        start = text.index(" ", start) + 1
        end = text.index(" ", start + rng.randint(40, 200))
        passage = text[start:end]
        if number % 10 == 9:
            words = passage.split()
            words[len(words) // 2] = "zzzyx"
            quotes.append((" ".join(words), False))
        else:
            quotes.append((retype(passage, rng), True))
    return quotes


def make_map(quotes: list[tuple[str, bool]]) -> str:
    import json

    lines = ["sources:", "  book: {title: The Book}", "thesis:", "  claim: The book says many things.", "  evidence:"]
    for quote, _ in quotes:
        lines.append(f"    - quote: {json.dumps(quote)}")
        lines.append("      source: book")
    return "\n".join(lines) + "\n"


def run(folder: Path, seed: int = 1) -> dict[str, float]:
    """Build the inputs in ``folder``, check them, and return counts and timings (seconds)."""
    import argmap
    from argmap.config import Config

    rng = random.Random(seed)
    text = make_text(rng)
    quotes = make_quotes(text, rng)
    (folder / "book.txt").write_text(text, encoding="utf-8")
    map_path = folder / "book.yaml"
    map_path.write_text(make_map(quotes), encoding="utf-8")
    argmap_ = argmap.load(map_path)
    config = Config(select=("quote-not-found",), ignore=("ALL",), sources_dir=folder)
    started = time.perf_counter()
    problems = argmap.check(argmap_, config)
    seconds = time.perf_counter() - started
    missing = [p for p in problems if p.rule == "quote-not-found"]
    return {
        "text_chars": len(text),
        "quotes": len(quotes),
        "expected_missing": sum(1 for _, found in quotes if not found),
        "reported_missing": len(missing),
        "seconds": seconds,
    }


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        result = run(Path(folder))
    print(
        f"{result['text_chars']:,} characters, {result['quotes']:,} quotes: "
        f"{result['reported_missing']} reported missing (expected {result['expected_missing']}) "
        f"in {result['seconds']:.2f} s (budget {BUDGET_SECONDS} s)"
    )
    ok = result["seconds"] < BUDGET_SECONDS and result["reported_missing"] == result["expected_missing"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
