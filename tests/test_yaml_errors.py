"""YAML mistakes editors make, each reported once, on its own line, in plain words with the fix."""

from __future__ import annotations

import datetime as dt

import pytest

from eqportal.frontmatter import parse_document
from eqportal.loader import load_portal
from tests.content_factory import eqia_fields, front_matter, write


def problems_of(front: str) -> list[str]:
    return [str(p) for p in parse_document("---\n" + front + "---\nBody.\n", "eqias/x.md").problems]


# name -> (front matter between the fences, the one line reported). File line 2 is the first YAML line.
MISTAKES = {
    "unclosed double quote": (
        'id: x\ntitle: "Library hours\nkind: service\n',
        'eqias/x.md:3: title: the quote " that opens the value is never closed: end the value with " on the same line',
    ),
    "unclosed double quote, a quoted value further down": (
        'id: x\ntitle: "Library hours\nkind: service\nscreening:\n  - characteristic: age\n    adverse: "yes"\n',
        'eqias/x.md:3: title: the quote " that opens the value is never closed: end the value with " on the same line',
    ),
    "unclosed single quote, nested": (
        "id: x\nproportionality:\n  rating: low\n  reason: 'Few people use it\n",
        "eqias/x.md:5: proportionality.reason: the quote ' that opens the value is never closed: end the value with ' on the same line",
    ),
    "apostrophe ends a quoted value early": (
        "id: x\ntitle: 'Children's centres'\nkind: service\n",
        "eqias/x.md:3: title: the ' in the middle of the value ends the quoted text early: write it twice ('') or quote the whole value with \" instead",
    ),
    "tab used for indenting": (
        "id: x\ndates:\n\tpublished: 2024-01-01\nkind: service\n",
        "eqias/x.md:4: front matter: is indented with a tab; the front matter may be indented only with spaces: replace the tab with spaces",
    ),
    "tab after spaces, deeper in the file": (
        "id: x\ndates:\n  screening: 2024-01-01\n  \tpublished: 2024-01-01\n",
        "eqias/x.md:5: front matter: is indented with a tab; the front matter may be indented only with spaces: replace the tab with spaces",
    ),
    "missing colon": (
        "id: x\ntitle Library hours\nkind: service\n",
        "eqias/x.md:3: front matter: has no `:` after the field name: write it as `title: Library hours`",
    ),
    "missing colon on the last field": (
        "id: x\nkind: service\ntitle Library hours\n",
        "eqias/x.md:4: front matter: has no `:` after the field name: write it as `title: Library hours`",
    ),
    "missing colon in a group": (
        "id: x\ndates:\n  screening 2024-01-01\n  published: 2024-01-01\n",
        "eqias/x.md:4: front matter: has no `:` after the field name: write it as `screening: 2024-01-01`",
    ),
    "no space after the colon": (
        "id: x\ntitle:Library hours\nkind: service\n",
        "eqias/x.md:3: front matter: needs a space after `title:`, or it is not a field: write it as `title: Library hours`",
    ),
    "no space after the colon, in a group": (
        "id: x\ndates:\n  screening:2024-01-01\n  published: 2024-01-01\n",
        "eqias/x.md:4: front matter: needs a space after `screening:`, or it is not a field: write it as `screening: 2024-01-01`",
    ),
    "colon inside an unquoted value": (
        "id: x\ntitle: Libraries: opening hours\n",
        'eqias/x.md:3: title: the value contains `: `, which starts a new field: put the whole value in quotes, e.g. title: "Libraries: opening hours"',
    ),
    "list item indented too far": (
        "id: x\nscreening:\n  - characteristic: age\n    adverse: no\n   - characteristic: race\n    adverse: no\n",
        "eqias/x.md:6: screening: this list item is at the wrong depth: indent its `-` by 2 spaces, like the item on line 4",
    ),
    "list item not indented enough": (
        "id: x\nscreening:\n  - characteristic: age\n    adverse: no\n - characteristic: race\n   adverse: no\n",
        "eqias/x.md:6: screening: this list item is at the wrong depth: indent its `-` by 2 spaces, like the item on line 4",
    ),
    "list item inside the item above": (
        "id: x\nactions:\n- issue: Fewer evening hours\n  owner: Head of Libraries\n  - issue: Steps at the door\n",
        "eqias/x.md:6: actions: this list item is at the wrong depth: put its `-` at the start of the line, like the item on line 4",
    ),
    "unclosed list in brackets": (
        "id: x\naliases: [old-id, older-id\nkind: service\n",
        "eqias/x.md:3: aliases: the [ that opens the value is never closed: end the value with ] on the same line, or write one `- ` item per line",
    ),
    "field indented under a value": (
        "id: x\n  kind: service\n",
        "eqias/x.md:3: front matter: is indented more than line 2 above it, which already has its value: indent it as far as the field it belongs with",
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_each_yaml_mistake_is_one_line_saying_what_would_fix_it(name):
    front, expected = MISTAKES[name]
    assert problems_of(front) == [expected]


def test_a_misspelt_required_field_is_one_line_with_did_you_mean(tmp_path):
    text = front_matter(eqia_fields()).replace("\ntitle: ", "\ntitel: ")
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=dt.date(2024, 6, 1))
    assert [str(p).split(":", 1)[1] for p in problems] == [
        "3: titel: is not a known field; did you mean `title`? (`title` is required)"
    ]


def test_a_misspelt_field_inside_a_list_item_is_one_line_too(tmp_path):
    text = front_matter(eqia_fields()).replace("  adverse:", "  advers:", 1)
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=dt.date(2024, 6, 1))
    assert [(p.field, p.message) for p in problems] == [
        ("screening[0].advers", "is not a known field; did you mean `adverse`? (`adverse` is required)")
    ]


def test_an_unknown_field_far_from_any_missing_one_still_lists_the_allowed_fields(tmp_path):
    text = front_matter(eqia_fields()).replace("\ntitle: ", "\nheadline: ")
    write(tmp_path, "eqias/library-opening-hours.md", text)
    _, problems = load_portal(tmp_path, today=dt.date(2024, 6, 1))
    assert sorted((p.field, p.message.split(";")[0]) for p in problems) == [
        ("headline", "is not a known field"), ("title", "is required but missing")
    ]


def test_hundreds_of_broken_files_each_give_problems_on_real_lines_never_a_traceback():
    import random
    from pathlib import Path

    rng = random.Random(13)
    sources = sorted(Path(__file__).resolve().parent.parent.joinpath("content", "eqias").glob("*.md"))[:3]
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for _ in range(300):
        lines = rng.choice(texts).splitlines(keepends=True)
        close = [i for i, line in enumerate(lines) if line.startswith("---")][1]
        index = rng.randrange(1, close)
        line = lines[index]
        cut = rng.randrange(len(line))
        lines[index] = rng.choice([
            line[:cut] + rng.choice(['"', "'", ": ", "- ", "[", "{", "|", "  "]) + line[cut:],
            "\t" + line.lstrip(" "), line.replace(":", "", 1), " " + line, line[1:],
        ])
        result = parse_document("".join(lines), "eqias/x.md")
        if result.document is None:
            assert len(result.problems) == 1
        for problem in result.problems:
            assert 1 <= problem.line <= len(lines) and "\n" not in problem.message


@pytest.mark.parametrize("front, expected", [
    ('id: x\ntitle: "Bad \x9b title"\n', "eqias/x.md:3: title: holds the invisible control character U+009B"),
    ("id: x\nsteps:\n  - name: a\n    note: z \ufffe\n", "eqias/x.md:5: steps[0].note: holds the invisible control character U+FFFE"),
])
def test_a_character_yaml_cannot_read_is_named_on_its_own_line_and_field(front, expected):
    found = problems_of(front)
    assert len(found) == 1 and found[0].startswith(expected), found
    assert "position" not in found[0] and "unicode string" not in found[0]
