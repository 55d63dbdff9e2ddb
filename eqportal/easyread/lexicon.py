"""The plain phrases the generator may use, read from ``eqportal/data/easy_read.yml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eqportal.data import read
from eqportal.models.vocab import Answer, Characteristic, Impact


@dataclass(frozen=True)
class Phrase:
    phrase: str
    icon: str


@dataclass(frozen=True)
class Meanings:
    """The screening grid in words: what one row says, sentence by sentence."""

    intro: str  # names the group: "{group}" is replaced by its phrase
    worse: dict[tuple[Answer, Impact], str]  # adverse answer x negative impact
    better: dict[Impact, str]  # positive impact

    def row(self, group: str, adverse: Answer, negative: Impact, positive: Impact) -> str:
        return " ".join((self.intro.format(group=group), self.worse[adverse, negative], self.better[positive]))


@dataclass(frozen=True)
class Lexicon:
    characteristics: dict[Characteristic, Phrase]
    language: Phrase
    language_when: re.Pattern[str]
    everyone: Phrase
    screening: Meanings
    kinds: dict[str, str]
    progress: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = read("easy_read.yml")
    language = data["characteristics"]["race"]["language"]
    return Lexicon(
        characteristics={Characteristic(k): Phrase(v["phrase"], v["icon"]) for k, v in data["characteristics"].items()},
        language=Phrase(language["phrase"], language["icon"]),
        language_when=re.compile(language["when"], re.IGNORECASE),
        everyone=Phrase(**data["everyone"]),
        screening=_meanings(data["screening"]),
        kinds=dict(data["kinds"]),
        progress=dict(data["progress"]),
    )


def _meanings(data: dict) -> Meanings:
    """Every answer x rating must be written out: a missing one is a KeyError at load, not a silent gap."""
    worse = {(Answer(a), Impact(i)): data["worse"][a.value][i.value] for a in Answer for i in Impact}
    better = {Impact(i): data["better"][i.value] for i in Impact}
    return Meanings(data["intro"], worse, better)
