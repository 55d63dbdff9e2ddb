"""Easy-read pages from the structured data of an assessment or an objective.

Author-written ``easy_read`` text wins wherever it is given; otherwise the generator writes
plain, honest sentences from the lexicon and the data. It never promises more than the data
says: an action plan row becomes "We have a plan to help …", its date "We aim to finish by …".
"""

from __future__ import annotations

import datetime as dt
import re

from eqportal.easyread.checks import hard_words_used, point_problems
from eqportal.easyread.lexicon import lexicon
from eqportal.easyread.numbers import plain_percentages
from eqportal.easyread.page import EasyReadPage, Link, Point, Section
from eqportal.models import Eqia, Objective
from eqportal.models.common import Contact, EasyRead, contact_or_default
from eqportal.models.eqia import timescale_date
from eqportal.models.vocab import Answer, Characteristic, EqiaStatus, Impact
from eqportal.registry import url_for

FULL_VERSION_TEXT = "Read the full version of this page"
MAX_TITLE_WORDS = 10
NEGATIVE = (Impact.HIGH, Impact.MEDIUM, Impact.LOW)  # a rated risk of things getting worse


def month_year(day: dt.date) -> str:
    return day.strftime("%B %Y").replace(" 0", " ")


def _title_sentence(title: str) -> str | None:
    """'It is called <title>.' only when the title itself reads as easy read (no initials, short)."""
    sentence = f"It is called {title.rstrip('.')}."
    if len(title.split()) <= MAX_TITLE_WORDS and not point_problems(sentence):
        return sentence
    return None


def _author(easy: EasyRead | None, name: str) -> list[tuple[str, str]]:
    """Author-written points of one ``easy_read`` field, as (field path, text)."""
    if easy is None:
        return []
    value = getattr(easy, name)
    if value is None:
        return []
    if isinstance(value, str):
        return [(name, plain_percentages(value))]
    return [(f"{name}[{i}]", plain_percentages(text)) for i, text in enumerate(value)]


def _sentences(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def _about(kind_sentence: str, title: str, easy: EasyRead | None, icon: str = "information-outline") -> list[Point]:
    written = _author(easy, "about")
    if written:
        return [Point(icon, text, author_field=name) for name, text in written]
    return [Point(icon, _sentences(kind_sentence, _title_sentence(title)))]


def _contact(contact: Contact | None) -> Section:
    c = contact_or_default(contact)
    points = [Point("message-text-outline", "Tell us what you think about this. You can also ask us for help.",
                    note=f"Ask for the {c.team}." if c.team else None)]
    if c.phone:
        points.append(Point("phone", f"Phone us on {c.phone}.", link=None))
    if c.text_relay:
        points.append(Point("cellphone-message", f"If you cannot hear or speak on the phone, use text relay. Call {c.text_relay}."))
    if c.email:
        points.append(Point("email", f"Email us at {c.email}."))
    if c.address:
        points.append(Point("email-outline", "You can write to us.", note=c.address))
    points.append(Point("file-document-outline", "You can ask for this in large print. You can ask for it in another language too."))
    return Section("contact", "Tell us what you think or ask for help", "message-text-outline", tuple(points))


def _hard_words(sections: list[Section]):
    text = " ".join([s.heading for s in sections] + [p.text for s in sections for p in s.points] + [FULL_VERSION_TEXT])
    return tuple(hard_words_used(text))


def eqia_page(eqia: Eqia, successor: Eqia | None = None, today: dt.date | None = None) -> EasyReadPage:
    """The easy-read version of an assessment; ``successor`` is the newer one, ``today`` decides whether the review is overdue."""
    lex = lexicon()
    easy = eqia.easy_read
    full_version = Link(FULL_VERSION_TEXT, url_for(eqia))

    about = _about(lex.kinds[eqia.kind.value], eqia.title, easy)
    if not _author(easy, "about"):
        about.extend(_what_changes(eqia))
    about.append(Point("clipboard-check-outline", "We checked if it is fair to everyone. This check is called an equality impact assessment."))
    about[:0] = _warnings(eqia, successor, today)

    sections = [Section("about", "What is this about?", "information-outline", tuple(about)),
                Section("affects", "Who could this affect?", "account-group", tuple(_eqia_affects(eqia))),
                Section("actions", "What will we do?", "clipboard-check-outline", tuple(_eqia_actions(eqia, full_version))),
                Section("review", "When will we check again?", "calendar-month", (_eqia_review(eqia, today),)),
                _checked_by(easy),
                _contact(eqia.contact)]
    return EasyReadPage("eqia", eqia.id, eqia.title, full_version, tuple(sections), _hard_words(sections),
                        easy.reviewed_by if easy else None,
                        easy.reviewed_on.isoformat() if easy and easy.reviewed_on else None)


def _is_overdue(eqia: Eqia, today: dt.date | None) -> bool:
    due = eqia.dates.next_review
    return today is not None and eqia.status is EqiaStatus.PUBLISHED and due is not None and due < today


def _warnings(eqia: Eqia, successor: Eqia | None, today: dt.date | None) -> list[Point]:
    """First things first: replaced, withdrawn or out of date."""
    if eqia.status is EqiaStatus.SUPERSEDED:
        has_page = successor is not None and successor.is_public  # a draft successor has no page to link to
        link = Link("Read the easy read version of the newer one", url_for(successor, "easy-read")) if has_page else None
        return [Point("alert-circle-outline", "We do not use this any more. There is a newer one.", link=link)]
    if eqia.status is EqiaStatus.WITHDRAWN:
        when = f" We stopped it in {month_year(eqia.dates.withdrawn)}." if eqia.dates.withdrawn else ""
        return [Point("alert-circle-outline", f"We do not use this any more.{when}",
                      link=Link("Read why on the full page", url_for(eqia)))]
    if _is_overdue(eqia, today):
        return [Point("alert-circle-outline",
                      f"This may be out of date. We should have checked it again by {month_year(eqia.dates.next_review)}.")]
    return []


_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NOT_PLAIN = re.compile(r"\b(affect\w*|effect\w*|impact\w*)\b", re.IGNORECASE)


def _plain_title(title: str) -> str | None:
    """The title's everyday words, when the title itself is not easy read: "LED street lighting" -> "street lighting"."""
    kept = [w for w in _PLAIN_WORD.findall(title) if not point_problems(w + ".")]
    phrase = " ".join(kept).lower()
    if len(kept) >= 1 and not point_problems(f"It is about {phrase}."):
        return phrase
    return None


def _what_changes(eqia: Eqia) -> list[Point]:
    """What is being changed, in plain words from the assessment's own title and summary.

    The kind sentence says what sort of thing it is; this says which thing. Summary sentences
    are used only where they already meet every easy-read rule, and never ones that speak of an
    "effect" or "impact" without saying good or bad.
    """
    sentences: list[str] = []
    if _title_sentence(eqia.title) is None and (plain := _plain_title(eqia.title)):
        sentences.append(f"It is about {plain}.")
    for sentence in split_summary(eqia.summary or ""):
        if len(sentences) >= 3:
            break
        if not point_problems(sentence) and not _NOT_PLAIN.search(sentence):
            sentences.append(sentence)
    return [Point("information-outline", " ".join(sentences))] if sentences else []


def split_summary(text: str) -> list[str]:
    text = plain_percentages(" ".join(text.split()))
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", text) if s]


def _checked_by(easy: EasyRead | None) -> Section:
    """Whether people with learning disabilities have checked this easy-read version."""
    if easy and easy.reviewed_by and easy.reviewed_on:
        point = Point("account-check", f"People with learning disabilities checked this in {month_year(easy.reviewed_on)}.",
                      note=easy.reviewed_by)
    else:
        point = Point("account-question", "People with learning disabilities have not checked this yet.")
    return Section("checked", "Who checked this?", "account-check", (point,))


def _eqia_affects(eqia: Eqia) -> list[Point]:
    """One point per screening row, in the grid's words; author-written points come after, never instead."""
    lex = lexicon()
    order = {Answer.YES: 0, Answer.UNKNOWN: 1, Answer.NO: 2}
    points: list[Point] = []
    for entry in sorted(eqia.screening, key=lambda e: order[e.adverse]):
        group = lex.characteristics[entry.characteristic]
        points.append(Point(group.icon, lex.screening.row(group.phrase, entry.adverse, entry.negative_impact, entry.positive_impact)))
        if entry.characteristic.value == "race" and lex.language_when.search(entry.details or ""):
            points.append(Point(lex.language.icon, lex.screening.row(lex.language.phrase, entry.adverse, entry.negative_impact, entry.positive_impact)))
    if not points:
        points.append(Point("account-group", "We have not written down what we found for each group yet."))
    points += [Point("account-group", text, author_field=name) for name, text in _author(eqia.easy_read, "affects")]
    return points


def _eqia_actions(eqia: Eqia, full_version: Link) -> list[Point]:
    written = _author(eqia.easy_read, "actions")
    if written:
        return [Point("clipboard-check-outline", text, author_field=name) for name, text in written]
    lex = lexicon()
    points: list[Point] = []
    groups: dict[tuple, list] = {}
    for action in eqia.actions:
        groups.setdefault(tuple(_scopes(action.characteristics)), []).append(action)
    for scopes, actions in groups.items():
        people = [lex.everyone if scope == "all" else lex.characteristics[scope] for scope in scopes]
        first, rest = people[0], people[1:]
        plans = "a plan" if len(actions) == 1 else f"{len(actions)} plans"
        sentences = [f"We have {plans} to help {first.phrase}."]
        sentences += [f"It also helps {g.phrase}." for g in rest[:2]]
        if len(rest) > 2:
            sentences.append("It helps other groups too.")
        if len(actions) == 1:
            sentences.append(_action_when(actions[0]))
        points.append(Point(first.icon, _sentences(*sentences)))
    if points:
        points.append(Point("file-document-outline", "You can read the whole plan on the full page.", link=full_version))
    elif _eqia_affects_anyone(eqia):
        points.append(Point("clipboard-check-outline", "We have not written down a plan yet."))
    else:
        points.append(Point("clipboard-check-outline", "We did not find anything we need to change."))
    return points


def _scopes(scopes) -> list[Characteristic | str]:
    """Action scopes as characteristics, or the text "all" for everyone."""
    return ["all" if s.value == "all" else Characteristic(s.value) for s in scopes]


def _action_when(action) -> str | None:
    status = action.status.value if action.status else None
    if status == "done":
        return "We have done this."
    if status == "dropped":
        return "We decided not to do this."
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", action.timescale.strip()) and (due := timescale_date(action.timescale)):
        return f"We aim to finish by {month_year(due)}."
    if status == "in-progress":
        return "We have started this."
    if "ongoing" in action.timescale.lower():
        return "We will keep doing this."
    return None


def _eqia_affects_anyone(eqia: Eqia) -> bool:
    return any(e.adverse is Answer.YES or e.negative_impact in NEGATIVE for e in eqia.screening)


def _eqia_review(eqia: Eqia, today: dt.date | None = None) -> Point:
    if eqia.status is not EqiaStatus.PUBLISHED:
        return Point("calendar-month", "We do not use this any more. So we will not check it again.")
    if _is_overdue(eqia, today):
        return Point("alert-circle-outline", f"We should have checked this again in {month_year(eqia.dates.next_review)}. We have not done it yet.")
    if eqia.dates.next_review:
        return Point("calendar-month", f"We will check this again in {month_year(eqia.dates.next_review)}.")
    return Point("calendar-month", "We have not set a date to check this again.")


def objective_page(objective: Objective) -> EasyReadPage:
    lex = lexicon()
    easy = objective.easy_read
    start, end = objective.period.split("-")
    about = _about("This is one of our equality objectives.", objective.title, easy)
    about.append(Point("calendar-month", f"It runs from {start} to {end}."))

    written = _author(easy, "affects")
    if written:
        who = [Point("account-group", text, author_field=name) for name, text in written]
    else:
        who = [Point(lex.characteristics[c].icon, f"This is for {lex.characteristics[c].phrase}.") for c in objective.characteristics]

    sections = [Section("about", "What do we want to do?", "information-outline", tuple(about)),
                Section("affects", "Who is it for?", "account-group", tuple(who))]
    actions = _author(easy, "actions")
    if actions:
        sections.append(Section("actions", "What will we do?", "clipboard-check-outline",
                                tuple(Point("clipboard-check-outline", text, author_field=name) for name, text in actions)))
    sections.append(Section("progress", "How is it going?", "chart-line", tuple(_objective_progress(objective))))
    sections.append(_checked_by(easy))
    sections.append(_contact(objective.contact))
    return EasyReadPage("objective", objective.id, objective.title, Link(FULL_VERSION_TEXT, url_for(objective)), tuple(sections), _hard_words(sections),
                        easy.reviewed_by if easy else None,
                        easy.reviewed_on.isoformat() if easy and easy.reviewed_on else None)


def _objective_progress(objective: Objective) -> list[Point]:
    lex = lexicon()
    points = []
    for progress in sorted(objective.progress, key=lambda p: p.year):
        first = int(progress.year[:4])
        points.append(Point("chart-line", f"In {first} to {first + 1}, {lex.progress[progress.rating.value]}."))
    return points or [Point("chart-line", "We have not checked how it is going yet.")]
