"""The easy-read rules, applied to one point (a few sentences) or to a whole page.

The same rules run on text the generator writes (a breach there is a bug the tests catch) and
on text authors write in ``easy_read`` (a breach there is a ``path:line: easy_read.<field>``
problem from ``eqportal check``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from eqportal.easyread.numbers import number_words
from eqportal.easyread.readability import grade, is_hard, sentences, speakable, words
from eqportal.glossary import Term, abbreviations, glossary

MAX_WORDS = 15
MAX_SENTENCES = 5
MAX_GRADE = 5.0
MAX_WORD_LETTERS = 30  # "responsibilities" has 16; only a typing slip or a joined-up phrase reaches 31

LETTER_OR_DIGIT = re.compile(r"[^\W_]")
LONG_WORD = re.compile(r"[^\W\d_]{%d,}" % (MAX_WORD_LETTERS + 1))

INITIALS = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")


@lru_cache(maxsize=1)
def _easy_terms() -> tuple[tuple[Term, re.Pattern[str]], ...]:
    """Glossary terms with an easy explanation, longest first so "civil partnership" wins over "civil"."""
    terms = sorted((t for t in glossary() if t.easy and not t.avoid), key=lambda t: -len(t.term))
    return tuple((t, re.compile(r"\b" + re.escape(t.term) + r"(s|es)?\b", re.IGNORECASE)) for t in terms)


def hard_words_used(text: str) -> list[Term]:
    """Glossary terms the text uses, in the order they first appear."""
    found: dict[str, tuple[int, Term]] = {}
    for term, pattern in _easy_terms():
        match = pattern.search(text)
        if match and term.term not in found:
            found[term.term] = (match.start(), term)
            text = pattern.sub(lambda m: "x" * len(m.group(0)), text)
    return [term for _, term in sorted(found.values(), key=lambda pair: pair[0])]


def _without_glossary_terms(text: str) -> str:
    for _, pattern in _easy_terms():
        text = pattern.sub(" x ", text)
    return text


def unexplained_hard_words(text: str) -> list[str]:
    """Hard words that neither the everyday list nor the glossary covers; names are left alone."""
    hard: list[str] = []
    for sentence in sentences(_without_glossary_terms(speakable(text))):
        for index, word in enumerate(words(sentence)):
            is_name = index > 0 and word[0].isupper() and not INITIALS.fullmatch(word)
            if not is_name and is_hard(word) and word.lower() not in hard:
                hard.append(word.lower())
    return hard


def point_problems(text: str) -> list[str]:
    """Every easy-read rule one point breaks, as messages an author can act on."""
    problems: list[str] = []
    if not LETTER_OR_DIGIT.search(text):
        return [f"has no words ({text.strip()[:20]!r}); write what it means in a short sentence"]
    for long_word in dict.fromkeys(LONG_WORD.findall(text)):
        problems.append(f"has a word of {len(long_word)} letters ('{long_word[:20]}…'); easy read uses short everyday words: "
                        "check the spelling, or use shorter words")
    parts = sentences(text)
    for sentence in parts:
        count = len(words(sentence))
        if count > MAX_WORDS:
            start = " ".join(words(sentence)[:6])
            problems.append(f'has a sentence of {count} words ("{start} …"); easy read needs {MAX_WORDS} words or fewer a sentence: split it')
    if len(parts) > MAX_SENTENCES:
        problems.append(f"has {len(parts)} sentences; easy read needs {MAX_SENTENCES} or fewer in one point: split it into two points")
    full = abbreviations()
    for initials in dict.fromkeys(m.group(0) for m in INITIALS.finditer(speakable(text))):
        term = full.get(initials)
        if term is not None and term.avoid:  # BAME: its words are advised against too
            instead = "name the groups you mean (the glossary advises against this term)"
        else:
            instead = f"write '{term.term}'" if term else "write the words in full"
        problems.append(f"uses the initials '{initials}'; easy read never uses initials: {instead}")
    for word, digits in number_words(text):
        problems.append(f"writes the number '{word}' in words; easy read uses digits: write {digits}")
    for word in unexplained_hard_words(text):
        if not INITIALS.fullmatch(word) and len(word) <= MAX_WORD_LETTERS:  # a longer one has its own problem
            problems.append(f"uses the hard word '{word}'; use an everyday word, or add it to eqportal/data/glossary.yml with an easy explanation")
    return problems


def grade_problem(page_text: str) -> str | None:
    score = grade(page_text)
    if score > MAX_GRADE:
        return f"makes the easy-read page read at grade {score} (Flesch–Kincaid); easy read needs grade {MAX_GRADE:g} or below: use shorter sentences and shorter words"
    return None
