"""Standard pages never carry 35-word sentences or terms the glossary says to avoid."""

from __future__ import annotations

from eqportal.loader import load_portal
from tests.content_factory import eqia_fields, front_matter, line_of, write

LONG = " ".join(["word"] * 34) + " end."  # 35 words


def check(tmp_path, text):
    write(tmp_path, "eqias/library-opening-hours.md", text)
    return load_portal(tmp_path)[1]


def test_a_35_word_sentence_in_the_body_names_its_line(tmp_path):
    text = front_matter(eqia_fields(), body="## Context\n\nA short sentence.\n\n" + LONG + "\n")
    (problem,) = check(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "word word"), "body")
    assert problem.message.startswith("has a sentence of 35 words (\"word word word word word word …\"); split it")


def test_a_long_sentence_deep_in_a_paragraph_is_reported_on_its_own_line(tmp_path):
    paragraph = "A short sentence starts it.\nAnother short one follows.\nThen " + " ".join(["many"] * 33) + " words end it.\n"
    text = front_matter(eqia_fields(), body="## Context\n\n" + paragraph + "\nWe will review BME data.\n")
    problems = check(tmp_path, text)
    assert [(p.line, p.field) for p in problems] == [(line_of(text, "Then many"), "body"), (line_of(text, "review BME"), "body")], problems


def test_a_34_word_sentence_is_fine(tmp_path):
    text = front_matter(eqia_fields(), body=" ".join(["word"] * 33) + " end.\n")
    assert check(tmp_path, text) == []


def test_list_items_are_separate_sentences(tmp_path):
    items = "\n".join(f"- {' '.join(['word'] * 20)}" for _ in range(3))
    assert check(tmp_path, front_matter(eqia_fields(), body=items + "\n")) == []


def test_code_and_tables_are_not_prose(tmp_path):
    body = "```\n" + LONG + "\n```\n\n| a | b |\n|---|---|\n| " + LONG + " | x |\n"
    assert check(tmp_path, front_matter(eqia_fields(), body=body)) == []


def test_a_long_sentence_in_a_front_matter_field_names_the_field(tmp_path):
    fields = eqia_fields()
    fields["screening"][2]["details"] = LONG
    text = front_matter(fields)
    (problem,) = check(tmp_path, text)
    assert problem.field == "screening[2].details"
    assert problem.line == line_of(text, "  details: word")


def test_bame_is_refused_with_the_reason(tmp_path):
    text = front_matter(eqia_fields(summary="Support for BAME residents."))
    (problem,) = check(tmp_path, text)
    assert (problem.line, problem.field) == (line_of(text, "summary:"), "summary")
    assert problem.message.startswith("uses 'BAME': Government guidance on writing about ethnicity advises against")
