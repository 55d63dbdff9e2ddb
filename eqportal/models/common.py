"""Building blocks shared by every content type."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^(https?://|/|mailto:)\S+$")]


def _text_from_scalar(value: object) -> object:
    """Front matter keeps scalars as text, but numbers written in Python tests should pass too."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Version = Annotated[str, BeforeValidator(_text_from_scalar), StringConstraints(strip_whitespace=True, min_length=1)]


class Model(BaseModel):
    """Base for content models: misspelt fields are errors, values are validated on assignment."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, str_strip_whitespace=True)


class Link(Model):
    title: Text
    url: Url


class Contact(Model):
    """How to ask a question or for another format (large print, easy read, audio, Braille, another language)."""

    team: Text | None = None
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    phone: Annotated[str, StringConstraints(pattern=r"^[0-9 +()]{6,20}$")] | None = None
    text_relay: Annotated[str, StringConstraints(pattern=r"^[0-9 +()]{6,20}$")] | None = None
    address: Text | None = None


class EasyRead(Model):
    """Author-written easy-read text; the generator fills anything not given from the structured data."""

    about: Text | None = Field(None, description="What is this about? Short sentences, 15 words or fewer each.")
    affects: list[Text] = Field(default_factory=list, description="Who could this affect? One point each.")
    actions: list[Text] = Field(default_factory=list, description="What will we do? One point each.")
    reviewed_by: Text | None = Field(None, description="Who checked this easy-read version (a group of people with learning disabilities).")
    reviewed_on: dt.date | None = None


DEFAULT_CONTACT = Contact(team="Equality and Diversity Team", email="diversity@kent.gov.uk", phone="03000 41 41 41")


def contact_or_default(contact: Contact | None) -> Contact:
    """The item's own contact when it gives a way to reach someone, else the equality team."""
    if contact is None or not (contact.email or contact.phone or contact.address):
        return DEFAULT_CONTACT
    return contact
