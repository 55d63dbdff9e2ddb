"""The plain phrases the generator may use, read from ``eqportal/data/easy_read.yml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from eqportal.models.vocab import Characteristic


@dataclass(frozen=True)
class Phrase:
    phrase: str
    icon: str


@dataclass(frozen=True)
class Lexicon:
    characteristics: dict[Characteristic, Phrase]
    language: Phrase
    language_when: re.Pattern[str]
    everyone: Phrase
    impacts: dict[str, str]
    kinds: dict[str, str]
    progress: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = resources.files("eqportal.data").joinpath("easy_read.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    language = data["characteristics"]["race"]["language"]
    return Lexicon(
        characteristics={Characteristic(k): Phrase(v["phrase"], v["icon"]) for k, v in data["characteristics"].items()},
        language=Phrase(language["phrase"], language["icon"]),
        language_when=re.compile(language["when"], re.IGNORECASE),
        everyone=Phrase(**data["everyone"]),
        impacts=dict(data["impacts"]),
        kinds=dict(data["kinds"]),
        progress=dict(data["progress"]),
    )
