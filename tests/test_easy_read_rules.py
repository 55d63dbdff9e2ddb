"""Each easy-read rule, broken in author-written text, gives one exact `path:line: field: message`."""

from __future__ import annotations

import pytest

from eqportal.easyread.numbers import fraction_words, plain_percentages
from tests.fixtures.easy_read.helpers import content_with, load


def _problems(tmp_path, easy_read_yaml: str) -> list[str]:
    root = content_with(tmp_path, easy_read_yaml)
    _, problems = load(root)
    return [str(p).replace(str(root) + "/", "") for p in problems]


def test_the_fixture_passes_every_rule(tmp_path):
    _, problems = load(content_with(tmp_path))
    assert problems == []


@pytest.mark.parametrize(
    "easy_read, expected",
    [
        (
            "easy_read:\n  about: We want to open the day centres later in the morning on every day from next year on.\n",
            'eqias/day-centre-opening-hours.md:35: easy_read.about: has a sentence of 18 words ("We want to open the day …"); '
            "easy read needs 15 words or fewer a sentence: split it",
        ),
        (
            "easy_read:\n  actions:\n    - We will ask. We will listen. We will think. We will plan. We will act. We will check.\n",
            "eqias/day-centre-opening-hours.md:36: easy_read.actions[0]: has 6 sentences; easy read needs 5 or fewer in one point: split it into two points",
        ),
        (
            "easy_read:\n  about: KCC runs day centres.\n",
            "eqias/day-centre-opening-hours.md:35: easy_read.about: uses the initials 'KCC'; easy read never uses initials: write 'Kent County Council'",
        ),
        (
            "easy_read:\n  affects:\n    - This could affect people who use the ADSS bus.\n",
            "eqias/day-centre-opening-hours.md:36: easy_read.affects[0]: uses the initials 'ADSS'; easy read never uses initials: write the words in full",
        ),
        (
            "easy_read:\n  about: We looked at the implementation of the change.\n",
            "eqias/day-centre-opening-hours.md:35: easy_read.about: uses the hard word 'implementation'; use an everyday word, "
            "or add it to eqportal/data/glossary.yml with an easy explanation",
        ),
        (
            "easy_read:\n  about: We will open three mornings a week.\n",
            "eqias/day-centre-opening-hours.md:35: easy_read.about: writes the number 'three' in words; easy read uses digits: write 3",
        ),
        (
            "easy_read:\n  reviewed_on: 2024-04-01\n",
            "eqias/day-centre-opening-hours.md:35: easy_read.reviewed_on: is given but reviewed_by is empty: "
            "say which group of people with learning disabilities checked it",
        ),
        (
            "easy_read:\n  about: We asked BAME groups.\n",
            "eqias/day-centre-opening-hours.md:35: easy_read.about: uses the initials 'BAME'; easy read never uses initials: "
            "name the groups you mean (the glossary advises against this term)",
        ),
        (
            "easy_read:\n  actions:\n    - '!!!'\n",
            "eqias/day-centre-opening-hours.md:36: easy_read.actions[0]: has no words ('!!!'); write what it means in a short sentence",
        ),
        (
            "easy_read:\n  about: We will open the " + "day" * 40 + " centres later.\n",
            "eqias/day-centre-opening-hours.md:35: easy_read.about: has a word of 120 letters ('daydaydaydaydaydayda…'); "
            "easy read uses short everyday words: check the spelling, or use shorter words",
        ),
    ],
    ids=["long-sentence", "too-many-sentences", "known-initials", "unknown-initials", "hard-word", "number-in-words", "review-date-alone",
         "initials-to-avoid", "no-words", "long-word"],
)
def test_a_broken_rule_gives_the_exact_error(tmp_path, easy_read, expected):
    assert _problems(tmp_path, easy_read) == [expected]


def test_a_page_above_grade_5_is_an_error_at_easy_read(tmp_path):
    pair = ("Every equality impact assessment needs a consultation about each protected characteristic and special educational needs. "
            "Everybody understands the equality impact assessment and the consultation about the Public Sector Equality Duty.")
    written = (f"easy_read:\n  about: >-\n    {pair} {pair}\n  affects:\n    - {pair}\n    - {pair}\n"
               f"  actions:\n    - {pair}\n    - {pair}\n")
    problems = _problems(tmp_path, written)
    assert problems == [
        "eqias/day-centre-opening-hours.md:34: easy_read: makes the easy-read page read at grade 5.8 (Flesch–Kincaid); "
        "easy read needs grade 5 or below: use shorter sentences and shorter words"
    ]


def test_hard_words_from_the_glossary_are_allowed(tmp_path):
    assert _problems(tmp_path, "easy_read:\n  about: We did a consultation. We asked people what they think.\n") == []


def test_percentages_in_author_text_become_fractions(tmp_path):
    root = content_with(tmp_path, "easy_read:\n  about: About 17.6% of people use the day centres.\n")
    portal, problems = load(root)
    from eqportal.easyread import eqia_page

    page = eqia_page(portal.eqias["day-centre-opening-hours"].model)
    assert problems == []
    assert page.sections[0].points[0].text == "About 1 in 6 of people use the day centres."


@pytest.mark.parametrize("percent, words", [(17.6, "about 1 in 6"), (25, "1 in 4"), (50, "1 in 2"), (66.7, "about 2 in 3"),
                                            (2.3, "about 1 in 43"), (0.4, "fewer than 1 in 100"), (97, "nearly all"),
                                            (100, "all"), (0, "none")])
def test_percentages_become_plain_fractions(percent, words):
    assert fraction_words(percent) == words


def test_per_cent_in_words_is_converted_too():
    assert plain_percentages("5 per cent of staff") == "1 in 20 of staff"


def test_hard_words_are_judged_against_textstats_own_list_without_loading_nltk():
    """The familiar words are textstat's Dale–Chall list, read from its package: importing textstat imports NLTK,
    which cost every rebuild that checks an edited file 0.17 s."""
    import subprocess
    import sys

    code = ("import sys; from eqportal.easyread.readability import _dale_chall_words, is_hard; "
            "words = _dale_chall_words(); print(is_hard('assessment'), is_hard('help'), 'nltk' in sys.modules); "
            "from textstat.backend.utils import get_lang_easy_words; print(words == get_lang_easy_words('en'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "False", "True"]
