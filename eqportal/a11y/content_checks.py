"""Static checks for what editors' Markdown and HTML can bring into a page (no browser needed).

The theme is fixed once; content changes every day. Each rule here answers a fault found in real
public-sector pages, and is shown biting on a page of ``tests/fixtures/a11y/site/``:

document-link, img-alt-text, img-alt-title, form-label, form-group, id-duplicate, link-nowhere,
link-new-window, accesskey, obsolete-element, abbr-unknown.

The WCAG criterion of each is in ``settings.OWN_RULE_CRITERIA``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable, Iterable
from urllib.parse import urlparse

from bs4 import NavigableString, Tag

from eqportal.a11y.problem import PageProblem
from eqportal.a11y.static import Page, accessible_name
from eqportal.glossary import well_known

# GOV.UK: a link to a document says its format and size, e.g. "Annual report (PDF, 1.2 MB)".
DOCUMENT_FORMATS: dict[str, str] = {
    ".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".rtf": "RTF", ".odt": "OpenDocument text",
    ".xls": "Excel", ".xlsx": "Excel", ".ods": "OpenDocument spreadsheet", ".csv": "CSV",
    ".ppt": "PowerPoint", ".pptx": "PowerPoint", ".odp": "OpenDocument presentation", ".zip": "ZIP",
}
FORMAT_WORDS = re.compile(r"\b(pdf|word|docx?|rtf|odt|ods|odp|opendocument|excel|xlsx?|spreadsheet|csv|"
                          r"powerpoint|pptx?|zip)\b", re.I)
SIZE_WORDS = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:bytes?|kb|mb|gb|kib|mib)\b", re.I)
AFTER_LINK_CHARS = 40  # "Annual report (PDF, 1.2 MB)" may put the format just after the link

IMAGE_FILE = re.compile(r"^[\w\-. ]+\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|avif)$|^(?:img|dsc|dscn|image|pic|screenshot)[_\- ]?\d+", re.I)
# Alt texts that say nothing about the picture, compared lower-cased without punctuation.
PLACEHOLDER_ALTS = frozenset(
    {"image", "img", "picture", "pic", "photo", "photograph", "graphic", "icon", "logo", "spacer", "banner",
     "chart", "diagram", "figure", "alt", "alt text", "untitled", "placeholder", "thumbnail", "screenshot",
     "image of", "picture of", "photo of", "blank", "null", "none", "*"}
)
FIELD_TYPES_WITHOUT_LABEL = ("hidden", "submit", "reset", "button", "image")
NEW_WINDOW_WORDS = re.compile(r"new (?:window|tab)|opens? in|external site", re.I)
OBSOLETE = {
    "font": "use the site's styles", "center": "use the site's styles", "big": "use <strong> or a heading",
    "tt": "use <code>", "strike": "use <del> or <s>", "basefont": "use the site's styles",
    "acronym": "use <abbr>", "marquee": "it moves by itself and cannot be paused (WCAG 2.2.2); remove it",
    "blink": "it blinks and cannot be stopped (WCAG 2.2.2); remove it", "nobr": "let the text wrap",
    "spacer": "use CSS spacing",
}
# An initialism: two to six capitals (an optional plural "s"), not part of a longer word or code.
INITIALISM = re.compile(r"(?<![\w\-/.])([A-Z][A-Z&]{1,5})(s?)(?![\w\-/])(?!\.\w)")
SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "an", "at", "by", "&", "with"})
ROMAN = re.compile(r"^[IVXLCDM]+$")
IMAGE_INPUT = re.compile("^image$", re.I)


def _words(text: str) -> str:
    return " ".join(text.split())


def check_document_links(page: Page) -> Iterable[PageProblem]:
    for a in page.tags("a", content=True, having="href"):
        ext = "." + urlparse(a["href"]).path.rsplit(".", 1)[-1].lower() if "." in urlparse(a["href"]).path else ""
        kind = DOCUMENT_FORMATS.get(ext)
        if not kind:
            continue
        text = accessible_name(a, page.soup) + " " + _text_after(a)[:AFTER_LINK_CHARS]
        # The size is known, and required, for files on this site; for another site's documents the format is.
        on_site = not urlparse(a["href"]).netloc
        needed = (("format", FORMAT_WORDS), ("size", SIZE_WORDS)) if on_site and kind != "CSV" else (("format", FORMAT_WORDS),)
        missing = [what for what, pattern in needed if not pattern.search(text)]
        if missing:
            yield page.problem(
                "document-link",
                f"link to a {kind} file does not say its {' and '.join(missing)}; write it as "
                f"\"{_words(accessible_name(a, page.soup)) or 'Title'} ({kind.split()[0]}, 1.2 MB)\"", a)


def _text_after(el: Tag) -> str:
    out = []
    for sibling in el.next_siblings:
        out.append(sibling if isinstance(sibling, NavigableString) else sibling.get_text(" "))
        if sum(map(len, out)) > AFTER_LINK_CHARS:
            break
    return _words(" ".join(out))


def check_images(page: Page) -> Iterable[PageProblem]:
    images = page.tags("img", content=True) + [el for el in page.tags("input", content=True) if IMAGE_INPUT.search(el.get("type") or "")]
    for img in images:
        if not img.has_attr("alt"):
            continue  # axe's image-alt reports a missing alt
        alt = _words(img["alt"])
        title = _words(img.get("title") or "")
        if not alt and title:
            yield page.problem("img-alt-title", f"image is marked as decoration (alt=\"\") but has a title \"{title}\": "
                               "put the description in alt, or drop the title", img)
        elif alt and IMAGE_FILE.match(alt):
            yield page.problem("img-alt-text", f"image alt text \"{alt}\" is a file name; say what the image shows "
                               "(or alt=\"\" if it is only decoration)", img)
        elif alt and re.sub(r"[^\w\s*]", "", alt.lower()).strip() in PLACEHOLDER_ALTS:
            yield page.problem("img-alt-text", f"image alt text \"{alt}\" says nothing about the image; say what it shows "
                               "(or alt=\"\" if it is only decoration)", img)


def _has_label(field: Tag, page: Page) -> bool:
    if field.get("aria-labelledby"):
        if any(page.soup.find(id=i) for i in field["aria-labelledby"].split()):
            return True
    if _words(field.get("aria-label") or "") or _words(field.get("title") or ""):
        return True
    if field.get("id") and any(_words(label.get_text(" ")) or label.find(["img", "svg"])
                               for label in page.soup.find_all("label", attrs={"for": field["id"]})):
        return True
    wrapper = field.find_parent("label")
    return wrapper is not None and bool(_words(wrapper.get_text(" ")))


def check_form_fields(page: Page) -> Iterable[PageProblem]:
    groups: dict[tuple[int, str], list[Tag]] = defaultdict(list)
    for field in page.tags(("input", "select", "textarea")):
        kind = (field.get("type") or "text").lower() if field.name == "input" else field.name
        if kind in FIELD_TYPES_WITHOUT_LABEL or "md-toggle" in (field.get("class") or []):
            continue  # Material's state checkboxes: the buttons eqp-a11y.js adds carry their names
        if kind in ("radio", "checkbox") and field.get("name"):
            form = field.find_parent("form")
            groups[(id(form), field["name"])].append(field)
        if not _has_label(field, page):
            placeholder = _words(field.get("placeholder") or "")
            if placeholder:
                yield page.problem("form-label", f"form field is named only by its placeholder \"{placeholder}\", which "
                                   "disappears as soon as someone types; give it a <label>", field)
            else:
                yield page.problem("form-label", "form field has no label; give it a <label for> saying what to enter", field)
    for (_, name), fields in groups.items():
        if len(fields) < 2:
            continue
        if all(_named_group(f) for f in fields):
            continue
        kind = "radio buttons" if fields[0].get("type", "").lower() == "radio" else "checkboxes"
        yield page.problem("form-group", f"{len(fields)} {kind} named \"{name}\" are not grouped in a <fieldset> with a "
                           "<legend> asking the question they answer", fields[0])


def _named_group(field: Tag) -> bool:
    fieldset = field.find_parent("fieldset")
    if fieldset is not None:
        legend = fieldset.find("legend")
        if legend is not None and _words(legend.get_text(" ")):
            return True
    group = field.find_parent(attrs={"role": re.compile(r"^(group|radiogroup)$")})
    return group is not None and bool(_words(group.get("aria-label") or "") or group.get("aria-labelledby"))


def check_markup_faults(page: Page) -> Iterable[PageProblem]:
    with_id = page.tags(having="id")
    ids = Counter(el["id"] for el in with_id)
    reported: set[str] = set()
    for el in with_id:
        if ids[el["id"]] > 1 and el["id"] not in reported:
            reported.add(el["id"])
            yield page.problem("id-duplicate", f"id \"{el['id']}\" is used {ids[el['id']]} times on the page; labels, "
                               "skip links and screen readers find only the first", el)
    for a in page.tags("a", content=True, having="href"):
        if a["href"].strip() in ("#", ""):
            yield page.problem("link-nowhere", f"link \"{_words(accessible_name(a, page.soup))}\" goes nowhere "
                               f"(href=\"{a['href'].strip()}\"); link to a page or section, or use a <button>", a)
    for a in page.tags(("a", "area", "form"), content=True, having="target"):
        if a["target"].lower() in ("", "_self", "_parent", "_top"):
            continue
        name = accessible_name(a, page.soup) + " " + _words(a.get("title") or "")
        if not NEW_WINDOW_WORDS.search(name):
            yield page.problem("link-new-window", f"link \"{_words(accessible_name(a, page.soup))}\" opens a new window "
                               "without saying so; add \"(opens in a new tab)\" to its text, or let it open in place", a)
    for el in page.tags(having="accesskey"):
        key = " ".join(el["accesskey"]) if isinstance(el["accesskey"], list) else el["accesskey"]
        yield page.problem("accesskey", f"accesskey=\"{key}\" can clash with the keys of screen readers and "
                           "browsers; remove it", el)
    for el in page.tags(OBSOLETE):
        yield page.problem("obsolete-element", f"<{el.name}> is obsolete presentational markup: {OBSOLETE[el.name]}", el)


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(well_known())


def known_initials() -> frozenset[str]:
    """Initials no page needs to explain: the glossary's and the well-known ones."""
    return _known_initials()


@lru_cache(maxsize=1)
def _known_initials() -> frozenset[str]:
    from eqportal.glossary import abbreviations

    return frozenset(abbreviations()) | _known()


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in SMALL_WORDS and w[0].isalpha()).upper()


def _spelt_out(short: str, before: str, after: str) -> bool:
    """``short`` follows its expansion ("Government Digital Service (GDS)") or is followed by it ("GDS (Government
    Digital Service)"), or its expansion appeared earlier in the page."""
    letters = short.replace("&", "").upper()
    words_before = re.findall(r"[\w&'-]+", before)[-12:]
    for start in range(len(words_before)):
        if _initials(words_before[start:]) == letters:
            return True
    m = re.match(r"\s*\(([^)]{3,120})\)", after)
    if m and _initials(re.findall(r"[\w&'-]+", m.group(1))).startswith(letters[:2]):
        return True
    return False


def check_unknown_abbreviations(page: Page) -> Iterable[PageProblem]:
    """Initialisms not in the glossary must be explained the first time (an <abbr title>, or spelt out)."""
    glossary = set(page.glossary)
    known = _known()
    seen: set[str] = set()
    text_so_far = ""
    for s in page.text_nodes:
        text = str(s)
        abbr = next((p for p in s.parents if p.name == "abbr"), None)
        if s.parent.name == "td" and INITIALISM.fullmatch(text.strip()):
            text_so_far += " " + text
            continue  # a table value that is only initials (an author, a code) is data, not prose
        for m in INITIALISM.finditer(text):
            short = m.group(1)
            if short in seen or short in glossary or short in known or ROMAN.match(short) or short.strip("&") != short:
                continue
            seen.add(short)
            if abbr is not None and _words(abbr.get("title") or ""):
                continue
            before = text_so_far + " " + text[: m.start()]
            if _spelt_out(short, before, text[m.end():]):
                continue
            yield page.problem("abbr-unknown", f"\"{short}\" is not in the glossary and is not explained where it is first "
                               f"used; write it in full first, then \"({short})\", or add it to the glossary", s.parent)
        text_so_far += " " + text


CONTENT_CHECKS: tuple[Callable[[Page], Iterable[PageProblem]], ...] = (
    check_document_links,
    check_images,
    check_form_fields,
    check_markup_faults,
    check_unknown_abbreviations,
)
