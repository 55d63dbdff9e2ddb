"""Numbers the easy-read way: digits, never words, and plain fractions instead of percentages.

Easy-read guidance (GOV.UK, Mencap) says "about 1 in 6 people" rather than "17.6%".
"""

from __future__ import annotations

import re
from fractions import Fraction

PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)", re.IGNORECASE)

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1_000_000, "billion": 1_000_000_000,
}
# "one" is left out on purpose: "one of", "no one" and "someone" are not counts.
NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def fraction_words(percent: float) -> str:
    """``17.6`` -> ``about 1 in 6``; ``25`` -> ``1 in 4``; small shares as "1 in N"."""
    if percent <= 0:
        return "none"
    if percent >= 100:
        return "all"
    if percent < 1:
        return "fewer than 1 in 100"
    if percent >= 95:
        return "nearly all"
    share = Fraction(str(percent)) / 100
    if percent < 10:
        near = Fraction(1, round(100 / percent))
    else:
        near = share.limit_denominator(10)
    about = "" if near == share else "about "
    return f"{about}{near.numerator} in {near.denominator}"


def plain_percentages(text: str) -> str:
    """Replace every percentage in ``text`` by a plain fraction."""
    text = PERCENT.sub(lambda m: fraction_words(float(m.group(1))), text)
    return re.sub(r"\b(about|around|nearly|almost) (about|nearly) ", r"\1 ", text, flags=re.IGNORECASE)


def number_words(text: str) -> list[tuple[str, int]]:
    """Numbers written as words, with the digits they should be."""
    return [(m.group(0), NUMBER_WORDS[m.group(0).lower()]) for m in NUMBER_WORD.finditer(text)]
