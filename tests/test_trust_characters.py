"""Characters XML forbids (and other controls) are refused by check, so feed.xml always parses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from eqportal.loader import load_portal
from eqportal.context import BuildContext
from eqportal.site import feed
from tests.content_factory import eqia_fields, front_matter, line_of, write

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("escaped", ["\\x01", "\\x1b[31m", "\\uFFFE", "\\uFFFF", "\\x0c", "\\x7f", "\\x9b"])
def test_a_control_character_in_a_title_is_refused_with_its_line(tmp_path, escaped):
    text = front_matter(eqia_fields()).replace("title: Library opening hours", f'title: "Library {escaped}opening hours"')
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=TODAY)
    assert [(p.line, p.field) for p in problems] == [(line_of(text, "title:"), "title")], problems
    assert "control character U+" in problems[0].message


def test_every_text_field_is_checked_not_only_titles(tmp_path):
    text = front_matter(eqia_fields()).replace("reason: Older residents use libraries most.", 'reason: "Older\\x00 residents"')
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=TODAY)
    assert [(p.line, p.field) for p in problems] == [(line_of(text, "  reason:"), "proportionality.reason")]


def test_a_control_character_in_the_body_is_refused_on_its_line(tmp_path):
    text = front_matter(eqia_fields(), "## Context\n\nFine.\n\nRed \x1b[31mtext\x1b[0m here.\n")
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=TODAY)
    assert [(p.line, p.field) for p in problems] == [(line_of(text, "Red "), "body")]


def test_a_bidirectional_override_that_could_make_a_title_show_other_words_is_refused(tmp_path):
    text = front_matter(eqia_fields()).replace("title: Library opening hours", 'title: "Library \u202eshtnom 6 rof\u202c hours"')
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=TODAY)
    assert [(p.line, p.field) for p in problems] == [(line_of(text, "title:"), "title")], problems
    assert "U+202E" in problems[0].message and "another order" in problems[0].message


def test_right_to_left_text_with_isolates_and_marks_is_fine(tmp_path):
    text = front_matter(eqia_fields(summary="In Urdu: \u2067\u0627\u0631\u062f\u0648\u2069 and \u200fmarks\u200e."))
    write(tmp_path, "eqias/library-opening-hours.md", text)
    assert load_portal(tmp_path, today=TODAY)[1] == []


def test_tabs_line_breaks_and_ordinary_unicode_are_fine(tmp_path):
    text = front_matter(eqia_fields(summary="Café hours:\tearly and late — for everyone ✓ 𝄞"), "## Context\r\n\r\nText.\r\n")
    write(tmp_path, "eqias/library-opening-hours.md", text)
    assert load_portal(tmp_path, today=TODAY)[1] == []


def test_the_feed_parses_even_if_a_forbidden_character_reached_it(tmp_path):
    # check refuses such a title (above); the feed writer is a second net that never writes invalid XML.
    write(tmp_path, "eqias/library-opening-hours.md", front_matter(eqia_fields(title="Fine")))
    portal, _ = load_portal(tmp_path, today=TODAY)
    record = portal.eqias["library-opening-hours"]
    portal.eqias["library-opening-hours"] = dataclasses.replace(record, model=record.model.model_copy(update={"title": "Bad\x01 \ufffetitle"}))
    xml = next(iter(feed.pages(portal, BuildContext(today=TODAY)))).content
    ET.fromstring(xml.encode("utf-8"))
    assert "Bad title" in xml


def test_a_character_yaml_cannot_read_hides_none_of_the_files_other_problems(tmp_path):
    """U+0007 stops YAML reading the front matter: every line holding such a character is reported,
    and the rest of the file is read without them, so its other mistakes are reported at once too."""
    text = (front_matter(eqia_fields(kind="polcy")).replace("owner: Head of Libraries", "owner: Head\x07 of Libraries", 1)
            .replace("title: Library opening hours", "title: Library \u202eopening hours"))
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=TODAY)
    assert [(p.line, p.field) for p in problems] == [(line_of(text, "title:"), "title"), (line_of(text, "kind:"), "kind"),
                                                    (line_of(text, "owner:"), "owner")], problems
    assert "U+0007" in problems[2].message and "U+202E" in problems[0].message
